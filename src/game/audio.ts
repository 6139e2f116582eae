import type { Howl } from 'howler';
import type { Outcome } from '../scenario/index.ts';
import { onSettingsChange, settings } from './settings.ts';
import ambientUrl from '../../assets/audio/ambient.ogg?url';
import clickUrl from '../../assets/audio/click.ogg?url';
import moodUpUrl from '../../assets/audio/mood-up.ogg?url';
import moodDownUrl from '../../assets/audio/mood-down.ogg?url';
import satisfiedUrl from '../../assets/audio/sting-satisfied.ogg?url';
import neutralUrl from '../../assets/audio/sting-neutral.ogg?url';
import dissatisfiedUrl from '../../assets/audio/sting-dissatisfied.ogg?url';
import escalatedUrl from '../../assets/audio/sting-escalated.ogg?url';
import lostUrl from '../../assets/audio/sting-lost.ogg?url';

/** Every sound the game plays, by name, with its file's URL. */
export const SOUND_FILES = {
  ambient: ambientUrl,
  click: clickUrl,
  'mood-up': moodUpUrl,
  'mood-down': moodDownUrl,
  'sting-satisfied': satisfiedUrl,
  'sting-neutral': neutralUrl,
  'sting-dissatisfied': dissatisfiedUrl,
  'sting-escalated': escalatedUrl,
  'sting-lost': lostUrl,
} as const;

export type SoundName = keyof typeof SOUND_FILES;

/**
 * The game's sounds, played with Howler. Browsers refuse to start audio
 * before the player has interacted with the page, and Chrome logs a warning
 * for any AudioContext created earlier, so Howler is not even loaded until the
 * first key press or pointer press. Each sound's file is fetched the first
 * time it is played (the service worker keeps it for offline visits), so a
 * visit that never opens a conversation downloads no audio at all; Howler
 * plays a sound as soon as its file has arrived.
 */
class SoundBank {
  private howls = new Map<SoundName, Howl>();
  private wantAmbient = false;
  private hidden = false;
  private howler: typeof import('howler') | undefined;

  constructor() {
    const unlock = (): void => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
      void this.unlock();
    };
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    onSettingsChange(() => this.applyVolume());
    document.addEventListener('visibilitychange', () => this.setHidden(document.hidden));
  }

  /** True once the first input has unlocked audio. */
  get ready(): boolean {
    return this.howler !== undefined;
  }

  private async unlock(): Promise<void> {
    try {
      this.howler = await import('howler');
      this.applyVolume();
      this.updateAmbient();
    } catch {
      // No audio (unsupported or blocked): the game plays silently.
    }
  }

  /** The sound called `name`, created (and its file requested) on first use; undefined before audio is unlocked. */
  private sound(name: SoundName): Howl | undefined {
    const existing = this.howls.get(name);
    if (existing || !this.howler) return existing;
    const howl = new this.howler.Howl({ src: [new URL(SOUND_FILES[name], import.meta.url).href], format: ['ogg'], loop: name === 'ambient', volume: name === 'ambient' ? 0.35 : 1 });
    this.howls.set(name, howl);
    return howl;
  }

  private applyVolume(): void {
    if (!this.howler) return;
    const { volume, muted } = settings();
    this.howler.Howler.volume(volume);
    this.howler.Howler.mute(muted);
  }

  private setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.updateAmbient();
  }

  private updateAmbient(): void {
    const on = this.wantAmbient && !this.hidden;
    // Not created just to stay silent: the ambient file loads when it is first wanted.
    const ambient = on ? this.sound('ambient') : this.howls.get('ambient');
    if (!ambient) return;
    if (on && !ambient.playing()) {
      ambient.play();
      ambient.fade(0, 0.35, 800);
    } else if (!on && ambient.playing()) ambient.pause();
  }

  /** Plays a one-shot sound (ignored until audio is unlocked). */
  play(name: Exclude<SoundName, 'ambient'>): void {
    if (settings().muted) return;
    this.sound(name)?.play();
  }

  /** Turns the ambient shop noise on or off. */
  ambient(on: boolean): void {
    this.wantAmbient = on;
    this.updateAmbient();
  }

  /** The ending sting for an outcome. */
  sting(outcome: Outcome): void {
    this.play(`sting-${outcome}`);
  }
}

let bank: SoundBank | undefined;

/** The game's one sound bank. */
export function sounds(): SoundBank {
  bank ??= new SoundBank();
  return bank;
}
