#!/bin/sh
# Runs every fuzz target (or those named) for SECONDS each, one core, from the
# committed seeds, and prints each target's executions and outcome. Needs nightly and
# cargo-fuzz: `cargo install cargo-fuzz --locked`. Usage: fuzz/run.sh SECONDS [TARGET...]
set -u
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=${*:-query highlight passages metadata quote entities}
mkdir -p logs
for target in $targets; do
    mkdir -p "corpus/$target"
    # Debug assertions on everywhere but `query`: there they would stop at tantivy's
    # phrase-scorer assertion that excluded phrases trip (see Cargo.toml at the root).
    assertions=-a
    [ "$target" = query ] && assertions=
    nice -n 19 cargo +nightly fuzz run -s none $assertions "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 >"logs/$target.log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$')
    crash=$(grep -o 'Test unit written to [^ ]*' "logs/$target.log")
    echo "$target: ${runs:-?} executions in ${seconds} s, exit $status ${crash:+— $crash}"
done
