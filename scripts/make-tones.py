#!/usr/bin/env python3
"""Writes the alarm tones of resources/tones: one 16-bit PCM mono WAV per alarm priority.

The more urgent the priority, the higher the pitch, the more and faster the pulses and the louder
the tone (after the pulse patterns of IEC 60601-1-8: low 1 pulse, medium 3, high and critical
bursts). Each tone lasts under a second, shorter than the annunciator's repeat interval for its
priority (core/alarms/annunciator.cpp), so repeats are separate. Pulses have harmonics (heard on
small panel speakers) and soft edges (no clicks). --check compares the committed files with what
this script writes (samples may differ by one step: another libm may round a sine differently).

Usage: make-tones.py [--check] [DIR]   (DIR defaults to resources/tones of this repository)
"""

import io
import math
import pathlib
import struct
import sys
import wave

RATE = 22050
EDGE_S = 0.012  # attack and release of each pulse
HARMONICS = (1.0, 0.5, 0.3, 0.2)  # relative amplitudes of the fundamental and its overtones

# priority: (peak level 0..1, [(frequency Hz, pulse s, pause after s), ...])
TONES = {
    "low": (0.45, [(392.0, 0.30, 0.0)]),
    "medium": (0.60, [(523.25, 0.18, 0.09), (659.25, 0.18, 0.09), (783.99, 0.18, 0.0)]),
    "high": (0.75, [(880.0 if i % 2 == 0 else 698.46, 0.12, 0.06 if i < 4 else 0.0)
                    for i in range(5)]),
    "critical": (0.90, [(1046.5 if i % 2 == 0 else 830.61, 0.08, 0.03 if i < 7 else 0.0)
                        for i in range(8)]),
}


def pulse(frequency, seconds, level):
    count = int(round(seconds * RATE))
    edge = int(EDGE_S * RATE)
    norm = sum(HARMONICS)
    out = []
    for n in range(count):
        t = n / RATE
        envelope = min(1.0, n / edge, (count - 1 - n) / edge)
        value = sum(a * math.sin(2 * math.pi * frequency * (k + 1) * t)
                    for k, a in enumerate(HARMONICS)) / norm
        out.append(int(round(32767 * level * envelope * value)))
    return out


def tone_frames(name):
    level, pulses = TONES[name]
    samples = []
    for frequency, seconds, pause in pulses:
        samples += pulse(frequency, seconds, level)
        samples += [0] * int(round(pause * RATE))
    return struct.pack("<%dh" % len(samples), *samples)


def wav_bytes(name):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(tone_frames(name))
    return buffer.getvalue()


def same_tone(committed, expected):
    if len(committed) != len(expected) or committed[:44] != expected[:44]:
        return False
    count = (len(expected) - 44) // 2
    a = struct.unpack("<%dh" % count, committed[44:])
    b = struct.unpack("<%dh" % count, expected[44:])
    return all(abs(x - y) <= 1 for x, y in zip(a, b))


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    default = pathlib.Path(__file__).resolve().parent.parent / "resources" / "tones"
    directory = pathlib.Path(args[0]) if args else default
    stale = []
    for name in TONES:
        path = directory / (name + ".wav")
        data = wav_bytes(name)
        if check:
            if not path.is_file() or not same_tone(path.read_bytes(), data):
                stale.append(str(path))
            continue
        directory.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print("%s: %.2f s, %d bytes" % (path, (len(data) - 44) / 2 / RATE, len(data)))
    if stale:
        print("not what scripts/make-tones.py writes (run it and commit the result): "
              + ", ".join(stale), file=sys.stderr)
        return 1
    if check:
        print("%d tones match scripts/make-tones.py" % len(TONES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
