#!/bin/sh
# Runs the generated histories (VisibilityHistoriesIT) for longer than one request to the container may last:
# ROUNDS rounds of TRIES histories x STEPS steps, each round with its own seed (FIRST_SEED, FIRST_SEED+1, ...),
# stopping at the first failure (its seed and shrunk history are in the round's log). From the repository root:
#   portal-ejb/src/test/sh/histories-rounds.sh [ROUNDS=34] [TRIES=60] [STEPS=30] [FIRST_SEED=1]
# The defaults (34 x 60 x 30 = 61,200 steps) are a hundred times the suite's 20 x 30.
set -u
rounds=${1:-34}
tries=${2:-60}
steps=${3:-30}
seed=${4:-1}
logs=portal-ejb/target/histories-rounds
mkdir -p "$logs"
total=0
started=$(date +%s)
round=1
while [ "$round" -le "$rounds" ]; do
    log="$logs/round-$round-seed-$seed.log"
    if ! mvn -B -pl portal-ejb -am verify -Dit.test=VisibilityHistoriesIT -Dtest=NoSuchTest \
            -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
            -Dinterlink.histories.tries="$tries" -Dinterlink.histories.steps="$steps" -Dinterlink.histories.seed="$seed" \
            > "$log" 2>&1; then
        echo "round $round (seed $seed) FAILED after $total steps in earlier rounds: see $log" >&2
        exit 1
    fi
    done_steps=$(grep -m1 -o '[0-9]* steps (' "$log" | grep -o '^[0-9]*')
    total=$((total + ${done_steps:-0}))
    echo "round $round (seed $seed): ${done_steps:-?} steps; $total steps in $(( $(date +%s) - started )) s"
    round=$((round + 1))
    seed=$((seed + 1))
done
echo "all $rounds rounds passed: $total steps in $(( $(date +%s) - started )) s"
