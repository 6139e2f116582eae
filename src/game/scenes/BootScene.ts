import Phaser from 'phaser';

/**
 * First scene: nothing to load, so the canvas paints at once; it hands over
 * to the preloader, which draws its progress bar.
 */
export class BootScene extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.scene.start('Preload');
  }
}
