#!/usr/bin/env bash
# Fill an NLTK data directory for the layer: $1 destination, $2 resource paths,
# $3 downloader package names (both space-separated).
# Each resource is copied from the first directory in $NLTK_DATA (a :-separated list)
# that holds it. If any is missing there, all packages are downloaded with the layer's
# own nltk (needs internet), then cut down to the same resources.
set -eu -o pipefail

dest=$1
read -r -a resources <<<"$2"
read -r -a packages <<<"$3"
: "${PYTHON:=python3.13}"

copied=0
if [ -n "${NLTK_DATA:-}" ]; then
    IFS=: read -r -a roots <<<"$NLTK_DATA"
    for res in "${resources[@]}"; do
        for root in "${roots[@]}"; do
            if [ -n "$root" ] && [ -d "$root/$res" ]; then
                mkdir -p "$dest/$(dirname "$res")"
                cp -R "$root/$res" "$dest/$res"
                copied=$((copied + 1))
                break
            fi
        done
    done
fi

if [ "$copied" -eq "${#resources[@]}" ]; then
    echo "nltk_data: copied ${resources[*]} from NLTK_DATA"
else
    echo "nltk_data: NLTK_DATA unset or incomplete; downloading ${packages[*]}"
    rm -rf "$dest"
    mkdir -p "$dest"
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    "$PYTHON" -m nltk.downloader -q -d "$scratch" "${packages[@]}"
    for res in "${resources[@]}"; do
        if [ ! -d "$scratch/$res" ]; then
            echo "nltk_data: the download did not provide $res" >&2
            exit 1
        fi
        mkdir -p "$dest/$(dirname "$res")"
        cp -R "$scratch/$res" "$dest/$res"
    done
fi
# No zip archives or stray metadata: only the unpacked resources.
find "$dest" -type f \( -name '*.zip' -o -name '.DS_Store' \) -delete
