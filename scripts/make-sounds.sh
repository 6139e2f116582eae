#!/usr/bin/env bash
# Regenerates every sound in assets/audio/ with sox (synthesised, no samples).
# Usage: scripts/make-sounds.sh        Needs: sox with Ogg Vorbis support.
set -euo pipefail
cd "$(dirname "$0")/../assets/audio"
R=22050            # sample rate: plenty for cues, keeps files small
Q="-C 0"           # Ogg Vorbis quality 0 (about 64 kbit/s)

# Ambient shop: soft brown-noise room tone, a low hum, and a gentle fade at each end so it loops.
sox -n -r $R -c 1 ambient-noise.wav synth 12 brownnoise vol 0.18 lowpass 900 highpass 60
sox -n -r $R -c 1 ambient-hum.wav synth 12 sine 110 sine 165 vol 0.025 tremolo 0.2 40
sox -m ambient-noise.wav ambient-hum.wav -r $R $Q ambient.ogg fade t 0.6 12 0.6 norm -14
rm ambient-noise.wav ambient-hum.wav

# UI click: a very short, bright tick.
sox -n -r $R -c 1 $Q click.ogg synth 0.045 sine 1800 fade t 0 0.045 0.04 vol 0.5 norm -6

# Mood rises: two quick notes going up (E5 → B5).
sox -n -r $R -c 1 up1.wav synth 0.12 pluck E5 fade t 0 0.12 0.08
sox -n -r $R -c 1 up2.wav synth 0.22 pluck B5 fade t 0 0.22 0.18
sox up1.wav up2.wav $Q mood-up.ogg norm -6
rm up1.wav up2.wav

# Mood falls: a soft low tone sliding down.
sox -n -r $R -c 1 $Q mood-down.ogg synth 0.35 sine 330:196 fade t 0.01 0.35 0.25 norm -7

# Ending stings, one per outcome.
# satisfied: a bright major arpeggio (C E G C).
sox -n -r $R -c 1 s1.wav synth 0.14 pluck C5 fade t 0 0.14 0.06
sox -n -r $R -c 1 s2.wav synth 0.14 pluck E5 fade t 0 0.14 0.06
sox -n -r $R -c 1 s3.wav synth 0.14 pluck G5 fade t 0 0.14 0.06
sox -n -r $R -c 1 s4.wav synth 0.7 pluck C6 fade t 0 0.7 0.6
sox s1.wav s2.wav s3.wav s4.wav $Q sting-satisfied.ogg norm -5
# neutral: two even notes, no resolution.
sox -n -r $R -c 1 n1.wav synth 0.25 pluck G4 fade t 0 0.25 0.1
sox -n -r $R -c 1 n2.wav synth 0.6 pluck G4 pluck D5 fade t 0 0.6 0.5
sox n1.wav n2.wav $Q sting-neutral.ogg norm -6
# dissatisfied: a minor third falling.
sox -n -r $R -c 1 d1.wav synth 0.3 pluck E4 fade t 0 0.3 0.1
sox -n -r $R -c 1 d2.wav synth 0.7 pluck C4 pluck Eb4 fade t 0 0.7 0.6
sox d1.wav d2.wav $Q sting-dissatisfied.ogg norm -6
# escalated: a low, tense tritone that swells.
sox -n -r $R -c 1 $Q sting-escalated.ogg synth 1.0 sawtooth 110 sawtooth 155.6 lowpass 700 fade t 0.05 1.0 0.6 norm -10
# lost: a single low note fading out (the customer walks away).
sox -n -r $R -c 1 $Q sting-lost.ogg synth 1.1 sine 147:98 fade t 0.02 1.1 0.9 norm -8
rm -f s1.wav s2.wav s3.wav s4.wav n1.wav n2.wav d1.wav d2.wav

ls -l *.ogg
