#!/usr/bin/env bash
# compare.sh BEFORE AFTER OUTDIR SYNTHETIC_DIR: issue 13's figures for two release binaries,
# back to back in one run (BENCHMARKS.md, "One recorded run"): two 22k `bench --json` each,
# alternating; `index` from scratch pinned to 1 and 2 cores at 22k and a million; first answers
# after the million build; one million-title `bench` each. SYNTHETIC_DIR holds the bench's
# `synthetic_titles.csv` (copy it from a `bench --synthetic 1000000` run's temp directory).
# Run it from the repository root with ../shared/data beside it, on an otherwise idle machine.
set -u
B=$1; A=$2; O=$3; S=$4; mkdir -p "$O"
D="--data data --data ../shared/data"
M="$D --data $S"
t() { /usr/bin/time -o "$O/time.txt" -f "%e s wall, %U user, %S sys, %M KB" "$@"; }
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$O/log"
for run in ${RUNS:-1 2}; do
  for who in before after; do
    bin=$B; [ $who = after ] && bin=$A
    rm -rf "$O/ix-$who"; "$bin" bench $D --index "$O/ix-$who" --json > "$O/22k-$who-$run.json" 2>"$O/22k-$who-$run.err"
    echo "22k bench $who $run done $(date -u +%T)" | tee -a "$O/log"
  done
done
for who in before after; do
  bin=$B; [ $who = after ] && bin=$A
  for cores in 0 0,1; do
    for size in 22k 1m; do
      data=$D; [ $size = 1m ] && data=$M
      rm -rf "$O/build-$who"; mkdir -p "$O/build-$who"
      t taskset -c $cores "$bin" index $data --index "$O/build-$who" >/dev/null 2>&1; r=$(cat "$O/time.txt")
      echo "build $size $who cores=$cores: $r" | tee -a "$O/log"
      if [ $size = 1m ] && [ $cores = 0,1 ]; then
        for i in 1 2 3; do
          t "$bin" ask $data --index "$O/build-$who" "/why-not china" >/dev/null 2>&1; r=$(cat "$O/time.txt")
          echo "first answer 1m $who: $r" | tee -a "$O/log"
        done
      fi
    done
  done
done
for who in before after; do
  bin=$B; [ $who = after ] && bin=$A
  rm -rf "$O/ix1m-$who"; "$bin" bench $D --synthetic 1000000 --no-fts5 --index "$O/ix1m-$who" --json > "$O/1m-$who.json" 2>"$O/1m-$who.err"
  echo "1m bench $who done $(date -u +%T)" | tee -a "$O/log"
done
rm -rf "$O"/ix-* "$O"/ix1m-* "$O"/build-*
echo "end $(date -u +%T)" | tee -a "$O/log"
