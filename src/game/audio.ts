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

/** Every sound the game plays, by name, with the URL the preloader fetches. */
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
 * first key press or pointer press: then every sound is created from the
 * bytes already fetched in the background, and the ambient loop starts if a
 * scene asked for it.
 */
class SoundBank {
  private sources = new Map<SoundName, string>();
  private howls = new Map<SoundName, Howl>();
  private wantAmbient = false;
  private hidden = false;
  private unlocked = false;
  private howler: typeof import('howler').Howler | undefined;

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

  private prefetching = false;

  /**
   * Fetches every sound's bytes in the background (after the first screen is
   * up), so the first input can create them without another request.
   */
  prefetch(): void {
    if (this.prefetching) return;
    this.prefetching = true;
    for (const [name, url] of Object.entries(SOUND_FILES) as [SoundName, string][]) {
      fetch(url)
        .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(response.statusText))))
        .then((bytes) => {
          if (!this.unlocked) this.sources.set(name, URL.createObjectURL(new Blob([bytes], { type: 'audio/ogg' })));
        })
        .catch(() => undefined); // Howler fetches it itself on unlock.
    }
  }

  /** True once the first input has unlocked audio. */
  get ready(): boolean {
    return this.unlocked;
  }

  private async unlock(): Promise<void> {
    try {
      const { Howl, Howler } = await import('howler');
      this.howler = Howler;
      for (const name of Object.keys(SOUND_FILES) as SoundName[]) {
        const src = this.sources.get(name) ?? new URL(SOUND_FILES[name], import.meta.url).href;
        this.howls.set(name, new Howl({ src: [src], format: ['ogg'], loop: name === 'ambient', volume: name === 'ambient' ? 0.35 : 1, preload: true }));
      }
      this.unlocked = true;
      this.applyVolume();
      this.updateAmbient();
    } catch {
      // No audio (unsupported or blocked): the game plays silently.
    }
  }

  private applyVolume(): void {
    if (!this.howler) return;
    const { volume, muted } = settings();
    this.howler.volume(volume);
    this.howler.mute(muted);
  }

  private setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.updateAmbient();
  }

  private updateAmbient(): void {
    const ambient = this.howls.get('ambient');
    if (!ambient) return;
    const on = this.wantAmbient && !this.hidden;
    if (on && !ambient.playing()) {
      ambient.play();
      ambient.fade(0, 0.35, 800);
    } else if (!on && ambient.playing()) ambient.pause();
  }

  /** Plays a one-shot sound (ignored until audio is unlocked). */
  play(name: Exclude<SoundName, 'ambient'>): void {
    this.howls.get(name)?.play();
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
