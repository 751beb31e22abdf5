#!/usr/bin/env bash
# Regenerates paused-answer.wav: 11.000 s of espeak-ng speech, 16 kHz mono s16le, three phrases separated by 1.15 s
# pauses (the shape of a spoken answer with rhetorical pauses). Needs espeak-ng and sox (Debian: apt-get install
# espeak-ng sox). The output depends slightly on the espeak-ng version; the committed file was made with 1.51.
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
i=0
for phrase in "When a service slows down, I check the metrics first." \
              "Then I read the traces of the slowest requests." \
              "And only then do I change the code, and measure it again."; do
  i=$((i + 1))
  espeak-ng -s 180 -w "$tmp/p$i.wav" "$phrase"
  # 16 kHz mono 16-bit, leading and trailing silence trimmed
  sox "$tmp/p$i.wav" -r 16000 -c 1 -b 16 "$tmp/t$i.wav" silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
done
sox -n -r 16000 -c 1 -b 16 "$tmp/gap.wav" trim 0 1.15
sox -n -r 16000 -c 1 -b 16 "$tmp/lead.wav" trim 0 0.2
sox "$tmp/lead.wav" "$tmp/t1.wav" "$tmp/gap.wav" "$tmp/t2.wav" "$tmp/gap.wav" "$tmp/t3.wav" paused-answer.wav pad 0 1 trim 0 11
