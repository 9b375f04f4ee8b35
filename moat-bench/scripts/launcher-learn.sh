# Sourced by the benchmark scripts. launcher_learn NAME COMMAND...: runs COMMAND (a ./moat run of
# command NAME) untimed until the launcher's class-data-sharing archive for NAME has learnt from
# real runs (moat-cli/target/moat-NAME.learned, see ./moat), waiting out each background remake,
# so that timed runs are what a user's later runs are. At most four runs.
launcher_learn() {
  local name=$1
  shift
  for _ in 1 2 3 4; do
    "$@" >/dev/null 2>&1 || true
    while pgrep -f -- 'Xshare:dump' >/dev/null; do sleep 0.2; done
    [ -f "moat-cli/target/moat-$name.learned" ] && return 0
  done
}
