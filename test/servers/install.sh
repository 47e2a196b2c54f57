#!/usr/bin/env bash
# Prepares this machine for the real-FTP-server tests (test/servers/index.ts); test/setup.js
# runs it when `--check` says the servers are not ready:
#  - pyftpdlib (with pyOpenSSL for its FTPS) and openssl from apt;
#  - vsftpd, pure-ftpd and proftpd unpacked (never installed) into a cache folder, because
#    the three packages conflict with each other and their install scripts start a daemon
#    on port 21; only their runtime libraries are installed with apt;
#  - Unix accounts the servers map logins to: `ferrytest` (vsftpd authenticates it through
#    PAM; pure-ftpd and proftpd run their virtual users under its uid) and `ftp` (the
#    anonymous account pure-ftpd insists on);
#  - OpenSSH's server and clients for the SFTP tests (test/servers/sshd.ts), installed without
#    starting a system sshd, and the PAM service `ferry-sshd` it logs `ferrytest` in through.
# Idempotent; a stamp makes a second run take well under a second.
# Needs root, except `--check` (exit 0 when everything is in place, 1 when not; changes
# nothing). Env: FERRY_SERVERS_DIR (default /opt/ferry-ftp-servers).
set -euo pipefail

DIR="${FERRY_SERVERS_DIR:-/opt/ferry-ftp-servers}"
APT_PKGS=(openssl python3-pyftpdlib python3-openssl)
SERVER_PKGS=(vsftpd pure-ftpd proftpd-core proftpd-mod-crypto)
TEST_USER=ferrytest
# Machine-wide like the account itself, so several cache folders never disagree on it.
PASSWORD_FILE=/etc/ferrytest-ftp.password
PAM_SERVICE=ferry-vsftpd
SSH_PKGS=(openssh-server openssh-client)
SSH_PAM_SERVICE=ferry-sshd
# The stamp holds a hash of this script, so editing it re-runs the slow path.
STAMP_WANT="$(sha256sum "$0" | cut -d' ' -f1)"

all_ready() {
  [[ -f "$DIR/.stamp" && "$(cat "$DIR/.stamp")" == "$STAMP_WANT" ]] || return 1
  [[ -x "$DIR/root/usr/sbin/vsftpd" && -x "$DIR/root/usr/sbin/pure-ftpd" && -x "$DIR/root/usr/sbin/proftpd" ]] || return 1
  [[ -f "$DIR/root/usr/lib/proftpd/mod_tls.so" && -s "$PASSWORD_FILE" ]] || return 1
  command -v openssl >/dev/null && /usr/bin/python3 -c 'import pyftpdlib, OpenSSL' 2>/dev/null || return 1
  id -u "$TEST_USER" >/dev/null 2>&1 && id -u ftp >/dev/null 2>&1 || return 1
  [[ -f /etc/pam.d/$PAM_SERVICE && -f /etc/pam.d/$SSH_PAM_SERVICE ]] || return 1
  [[ -x /usr/sbin/sshd ]] && command -v ssh-keygen ssh-agent ssh-add sftp scp >/dev/null || return 1
}
if [[ "${1:-}" == "--check" ]]; then
  all_ready
  exit
fi
if [[ $EUID -ne 0 ]]; then
  echo "install.sh: must run as root" >&2
  exit 1
fi

mkdir -p "$DIR"
# Serialise concurrent runs on the same cache folder.
exec 9>"$DIR/.lock"
flock 9
if all_ready; then
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_update_once() {
  if [[ $apt_updated -eq 0 ]]; then
    apt-get update -qq
    apt_updated=1
  fi
}
is_installed() {
  dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed
}
apt_install_missing() {
  local missing=()
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "install.sh: apt-get install ${missing[*]}"
  # A fresh machine may have empty package lists; update only when the first try fails.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt_update_once && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
}

apt_install_missing "${APT_PKGS[@]}"

# openssh-server's install script starts a system sshd on port 22 unless policy-rc.d forbids it
# (Debian's container images ship one that does); the tests start their own sshd instead.
if ! is_installed openssh-server || ! is_installed openssh-client; then
  made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt_install_missing "${SSH_PKGS[@]}"
  if [[ $made_policy -eq 1 ]]; then rm -f /usr/sbin/policy-rc.d; fi
fi

# Download and unpack the servers.
DEBS="$DIR/debs"
mkdir -p "$DEBS"
need_download=()
for p in "${SERVER_PKGS[@]}"; do
  compgen -G "$DEBS/${p}_*.deb" >/dev/null || need_download+=("$p")
done
if [[ ${#need_download[@]} -gt 0 ]]; then
  echo "install.sh: apt-get download ${need_download[*]}"
  # _apt cannot write into a root-owned folder; download as root without the sandbox warning.
  (cd "$DEBS" && { apt-get download -qq -o APT::Sandbox::User=root "${need_download[@]}" 2>/dev/null ||
    { apt_update_once && apt-get download -qq -o APT::Sandbox::User=root "${need_download[@]}"; }; })
fi
rm -rf "$DIR/root.new"
mkdir -p "$DIR/root.new"
for deb in "$DEBS"/*.deb; do
  dpkg-deb -x "$deb" "$DIR/root.new"
done
rm -rf "$DIR/root"
mv "$DIR/root.new" "$DIR/root"

# Runtime libraries: the lib* packages among the servers' Depends (first alternative, no
# version). The rest (adduser, debconf, inetd, pure-ftpd-common, proftpd-core...) belong to
# the system-daemon packaging we bypass.
libs=()
for deb in "$DEBS"/*.deb; do
  while IFS= read -r dep; do
    dep="${dep%%|*}"
    dep="${dep%%(*}"
    dep="${dep//[[:space:]]/}"
    [[ "$dep" == lib* ]] && libs+=("$dep")
  done < <(dpkg-deb -f "$deb" Depends | tr ',' '\n')
done
mapfile -t libs < <(printf '%s\n' "${libs[@]}" | sort -u)
apt_install_missing "${libs[@]}"

for bin in "$DIR/root/usr/sbin/vsftpd" "$DIR/root/usr/sbin/pure-ftpd" "$DIR/root/usr/sbin/proftpd"; do
  if ldd "$bin" | grep -q 'not found'; then
    echo "install.sh: $bin still misses libraries:" >&2
    ldd "$bin" | grep 'not found' >&2
    exit 1
  fi
done

# Accounts. `ftp` is the conventional anonymous account; its home is only a mount point
# (pure-ftpd gets its per-instance anonymous root bind-mounted there).
if ! id -u ftp >/dev/null 2>&1; then
  useradd --system --home-dir /srv/ftp --no-create-home --shell /usr/sbin/nologin --user-group ftp
fi
mkdir -p "$(getent passwd ftp | cut -d: -f6)"
# vsftpd enters the account's home before its local_root, so the home must exist. PAM does
# not look at the shell, so the account needs no login shell.
if ! id -u "$TEST_USER" >/dev/null 2>&1; then
  useradd --home-dir / --no-create-home --shell /usr/sbin/nologin --user-group "$TEST_USER"
fi
usermod --home / --shell /usr/sbin/nologin "$TEST_USER" >/dev/null
if [[ ! -s "$PASSWORD_FILE" ]]; then
  (umask 077 && openssl rand -hex 12 >"$PASSWORD_FILE")
fi
echo "$TEST_USER:$(cat "$PASSWORD_FILE")" | chpasswd

# Only pam_unix: common-session may pull in pam_systemd, which stalls logins without systemd.
cat >/etc/pam.d/$PAM_SERVICE <<'EOF'
# Ferry tests: vsftpd started by test/servers/vsftpd.ts
auth     required pam_unix.so
account  required pam_unix.so
session  required pam_permit.so
EOF

# sshd (started as test/servers/sshd.ts's `ferry-sshd` link) asks PAM for the service of that
# name: the password and keyboard-interactive logins of the SFTP tests.
cat >/etc/pam.d/$SSH_PAM_SERVICE <<'EOF'
# Ferry tests: sshd started by test/servers/sshd.ts
auth     required pam_unix.so
account  required pam_unix.so
session  required pam_permit.so
EOF

echo "$STAMP_WANT" >"$DIR/.stamp"
echo "install.sh: FTP servers and OpenSSH ready in $DIR"
