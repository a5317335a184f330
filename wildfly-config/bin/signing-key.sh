#!/usr/bin/env bash
# signing-key.sh FILE PASSWORD SUBJECT [USAGE]: creates a self-signed signing key for local use, as a
# PKCS#12 file FILE (opened with PASSWORD), and its certificate in PEM beside it (FILE without
# .p12, plus .pem), unless FILE exists. In production the key comes from the ministry's PKI and
# this is never run. USAGE "timestamping" makes a time-stamping authority's key (extended key
# usage timeStamping, critical, as RFC 3161 requires).
set -euo pipefail
file=$1 password=$2 subject=$3 usage=${4:-signing}
extra=()
[ "$usage" = timestamping ] && extra=(-ext ExtendedKeyUsage:critical=timeStamping)
pem="${file%.p12}.pem"
if [ -s "$file" ]; then
  [ -s "$pem" ] || keytool -exportcert -rfc -alias signing -keystore "$file" -storetype PKCS12 \
    -storepass "$password" -file "$pem" >/dev/null
  exit 0
fi
mkdir -p "$(dirname "$file")"
(
  umask 077
  keytool -genkeypair -alias signing -keyalg RSA -keysize 3072 -sigalg SHA256withRSA \
    -validity 3650 -dname "$subject" -ext KeyUsage:critical=digitalSignature,nonRepudiation "${extra[@]}" \
    -storetype PKCS12 -keystore "$file" -storepass "$password" -keypass "$password" >/dev/null
)
keytool -exportcert -rfc -alias signing -keystore "$file" -storetype PKCS12 \
  -storepass "$password" -file "$pem" >/dev/null
echo "[dozor] created a self-signed signing key for local use: $file (certificate $pem)"
