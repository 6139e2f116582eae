import Phaser from 'phaser';
const q = location.search;
class Hello extends Phaser.Scene {
  create(): void {
    if (q.includes('face')) {
      const g = this.add.graphics(); g.fillStyle(0xffffff, 1); g.fillCircle(300, 300, 150); g.lineStyle(8, 0xff8800, 1); g.strokeCircle(300, 300, 150);
      if (q.includes('tween')) this.tweens.add({ targets: g, y: -4, yoyo: true, repeat: -1, duration: 1800 });
    }
    this.add.text(40, 40, 'Hello, Phaser 4', { fontFamily: 'sans-serif', fontSize: '32px', color: '#ffffff' });
  }
}
new Phaser.Game({ type: Phaser.AUTO, width: window.innerWidth, height: window.innerHeight, banner: false, scene: Hello, transparent: q.includes('transparent'),
  render: { ...(q.includes('desync') ? { desynchronized: true } : {}), ...(q.includes('nopma') ? { premultipliedAlpha: false } : {}), ...(q.includes('noaa') ? { antialiasGL: false } : {}) } });
document.body.style.margin = '0';
if (q.includes('transparent')) document.body.style.background = 'linear-gradient(#f3ece1, #e7dccb)';
