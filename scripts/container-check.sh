#!/usr/bin/env bash
# CI's check of the container image (.ci/run calls it after the tests): the
# Dockerfile builds with podman, the image starts, /api/health answers, its
# HEALTHCHECK passes, it serves as a user that is not root, a real sign-up
# works, the new account can sign in and read itself back, and after a
# restart it still can (the data and the generated secret live in the /data
# volume).
#
# Image registries are unreachable here, so the base is made from Debian's
# packages with debootstrap (../shared/STACK.md "Containers on these
# machines"): trixie's Node 20 and its headers, this machine's npm and CA
# bundle (its egress re-signs TLS). Users on the internet build the
# Dockerfile's default base instead.
#
# Everything it makes (base image, app image, container, volume, rootfs) is
# recorded by id and removed on the way out, whatever happens. Run as root
# (podman rootful, debootstrap); on a clean machine: apt-get install podman
# runc debootstrap.
#   CONTAINER_MIRROR  the Debian mirror (default: the machine's apt sources)
#   CONTAINER_IMAGE   check this image, already built, instead (it is left in place)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "container-check: needs root (podman rootful and debootstrap); run it with sudo" >&2
  exit 1
fi
for tool in podman runc debootstrap curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "container-check: $tool is missing (apt-get install podman runc debootstrap curl)" >&2
    exit 1
  fi
done

started=$(date +%s)
run_id="ci-$(date +%s)-$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/cancelcase-container.XXXXXX")
base_id=""
image_id=""
container_id=""
volume=""

# crun refuses this machine's hybrid cgroups.
RUNTIME=(--runtime runc)
# Podman's default limits are above this machine's, and raising an rlimit is
# refused: the containers get this shell's open files, and as many processes
# as the machine has process ids (more is refused too). Not 1024 processes:
# the build runs as root, and a limit on root's processes and threads counts
# them over the whole machine, where CI's other jobs run as root too.
nofile_soft=$(ulimit -Sn)
nofile_hard=$(ulimit -Hn)
[ "$nofile_hard" != unlimited ] || nofile_hard=1048576
[ "$nofile_soft" != unlimited ] || nofile_soft=$nofile_hard
nproc=$(cat /proc/sys/kernel/pid_max)
nproc_hard=$(ulimit -Hu)
if [ "$nproc_hard" != unlimited ] && [ "$nproc_hard" -lt "$nproc" ]; then nproc=$nproc_hard; fi
LIMITS=(--ulimit "nofile=$nofile_soft:$nofile_hard" --ulimit "nproc=$nproc:$nproc")

cleanup() {
  local status=$?
  set +e
  if [ -n "$container_id" ] && [ "$status" -ne 0 ]; then
    echo "== container log (last 60 lines)"
    podman logs --tail 60 "$container_id" 2>&1
  fi
  podman rm -f -t 0 "${container_id:-cancelcase-$run_id}" >/dev/null 2>&1
  [ -n "$volume" ] && podman volume rm -f "$volume" >/dev/null
  # By id; by the run's own tag when it stopped before the id was read.
  podman rmi -f "${image_id:-localhost/cancelcase:$run_id}" >/dev/null 2>&1
  [ -n "$base_id" ] || base_id=$(podman image inspect --format '{{.Id}}' \
    "localhost/cancelcase-base:$run_id" 2>/dev/null)
  if [ -n "$base_id" ]; then
    # A build cut short leaves its working containers (made from our base);
    # they hold the base until they go.
    podman ps -a --external --format '{{.ID}} {{.ImageID}}' 2>/dev/null |
      awk -v base="$base_id" 'index(base, $2) == 1 { print $1 }' |
      xargs -r podman rm -f >/dev/null 2>&1
    podman rmi -f "$base_id" >/dev/null
  fi
  # debootstrap mounts /proc and /sys inside the rootfs while it runs; never
  # let rm walk into them.
  grep -o " $work/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
  rm -rf --one-file-system "$work"
  echo "container check took $(($(date +%s) - started)) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "== container: $*"; }
fail() {
  echo "container-check: $*" >&2
  exit 1
}

image=${CONTAINER_IMAGE:-}
if [ -z "$image" ]; then
  # The Debian archive the machine's apt uses (deb822 .sources or one-line .list).
  mirror=${CONTAINER_MIRROR:-}
  if [ -z "$mirror" ]; then
    mirror=$(
      {
        grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{ print $2 }'
        grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
          sed -E 's/\[[^]]*\]//' | awk '{ print $2 }'
      } | grep -E '/debian/?$' | head -1
    ) || true
  fi
  [ -n "$mirror" ] || fail "no Debian mirror in /etc/apt/sources.list.d/; set CONTAINER_MIRROR"

  step "base image from debootstrap (trixie, $mirror)"
  root="$work/rootfs"
  if ! debootstrap --variant=minbase --include=nodejs,libnode-dev,ca-certificates \
    trixie "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log"
    fail "debootstrap failed"
  fi
  # This machine's npm, as node images ship one; trixie's nodejs has none.
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  mkdir -p "$root/usr/local/lib/node_modules" "$root/usr/local/bin"
  cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  # The host's CA bundle: the egress here re-signs TLS with a CA only it holds.
  mkdir -p "$root/usr/local/share/host-ca"
  cp /etc/ssl/certs/ca-certificates.crt "$root/usr/local/share/host-ca/ca-certificates.crt"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  base_id=$(tar -C "$root" -c . | podman import \
    --change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca/ca-certificates.crt' \
    --change 'ENV npm_config_nodedir=/usr' \
    --change 'CMD ["/bin/bash"]' \
    - "localhost/cancelcase-base:$run_id" | tail -1)
  base_id=${base_id#sha256:}
  [ -n "$base_id" ] || fail "podman import gave no image id"
  rm -rf --one-file-system "$root"
  echo "base image ready after $(($(date +%s) - started)) s"

  step "podman build"
  build_started=$(date +%s)
  # The host's npm cache, when it has one, saves downloading every package again
  # (.ci/run's npm ci has just filled it; npm only adds to it).
  CACHE=()
  npm_cache=$(npm config get cache 2>/dev/null || true)
  if [ -n "$npm_cache" ] && [ -d "$npm_cache/_cacache" ]; then CACHE=(-v "$npm_cache:/root/.npm"); fi
  # --format docker keeps HEALTHCHECK (OCI images have no such field);
  # --layers=false leaves no intermediate images behind.
  podman build "${RUNTIME[@]}" "${LIMITS[@]}" "${CACHE[@]}" --format docker --layers=false \
    --pull=never --build-arg "BASE=localhost/cancelcase-base:$run_id" \
    --iidfile "$work/image-id" -t "localhost/cancelcase:$run_id" . ||
    fail "podman build failed"
  image_id=$(cat "$work/image-id")
  echo "built in $(($(date +%s) - build_started)) s"
  podman image inspect --format '{{.Size}}' "$image_id" |
    awk '{ printf "image size: %.0f MB\n", $1 / 1e6 }'
  image=$image_id
fi

step "podman run"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")
volume="cancelcase-data-$run_id"
podman volume create "$volume" >/dev/null
container_id=$(podman run -d "${RUNTIME[@]}" "${LIMITS[@]}" \
  -p "127.0.0.1:$port:3000" -v "$volume:/data" \
  -e "BASE_URL=http://localhost:$port" \
  --name "cancelcase-$run_id" "$image")
url="http://127.0.0.1:$port"

wait_healthy() {
  local deadline=$(($(date +%s) + 180))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/health")" = "200" ]; do
    [ "$(podman inspect --format '{{.State.Running}}' "$container_id")" = "true" ] ||
      fail "the container stopped"
    [ "$(date +%s)" -lt "$deadline" ] || fail "/api/health did not answer 200 within 180 s"
    sleep 1
  done
}

# One JSON request: prints the body; fails unless the status is the one expected.
request() {
  local expected=$1 method=$2 path=$3 body=${4:-} token=${5:-}
  local args=(-s -o "$work/body" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json')
  [ -n "$body" ] && args+=(--data "$body")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  local status
  status=$(curl "${args[@]}" "$url$path")
  [ "$status" = "$expected" ] ||
    fail "$method $path answered $status, not $expected: $(head -c 500 "$work/body")"
  cat "$work/body"
}

json_field() { node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(0, "utf8"))[process.argv[1]] ?? ""))' "$1"; }

wait_healthy
echo "serving $(($(date +%s) - started)) s after the start of the check"
podman healthcheck run "$container_id" >/dev/null || fail "the image's HEALTHCHECK failed"
uid=$(podman exec "$container_id" id -u)
[ "$uid" != "0" ] || fail "the server runs as root"
# The image was built once; npm start must not build again at start.
if podman logs "$container_id" 2>&1 | grep -q "building the app"; then
  fail "the container rebuilt the app at start"
fi

step "sign-up, sign-in, read back"
email="container-$run_id@example.com"
password="a sturdy container passphrase"
credentials="{\"email\":\"$email\",\"password\":\"$password\"}"
account_id=$(request 201 POST /api/v1/auth/register "$credentials" | json_field id)
sign_in() {
  local token me
  token=$(request 201 POST /api/v1/auth/token "$credentials" | json_field token)
  me=$(request 200 GET /api/v1/me "" "$token")
  [ "$(json_field id <<<"$me")" = "$account_id" ] || fail "/api/v1/me is not the new account: $me"
  [ "$(json_field email <<<"$me")" = "$email" ] || fail "/api/v1/me has another email: $me"
}
sign_in

step "restart: the account and the secret live in the volume"
podman restart -t 20 "$container_id" >/dev/null
wait_healthy
sign_in

echo "container check passed"
