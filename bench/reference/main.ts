import Phaser from 'phaser';

/** The benchmark's reference: a bare Phaser 4 page with one scene and one text, built like the game. */
class Hello extends Phaser.Scene {
  create(): void {
    this.add.text(40, 40, 'Hello, Phaser 4', { fontFamily: 'sans-serif', fontSize: '32px', color: '#ffffff' });
    performance.mark('reference:interactive');
    (window as unknown as { __ready: number }).__ready = performance.now();
  }
}

new Phaser.Game({ type: Phaser.AUTO, width: window.innerWidth, height: window.innerHeight, banner: false, scene: Hello });
