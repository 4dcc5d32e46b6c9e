#!/usr/bin/env bash
# Build the Linux downloads of Torch Playground and smoke-test them.
#
#   bash packaging/build-linux.sh OUTDIR                # bundle, .tar.gz, .deb, AppDir
#   bash packaging/build-linux.sh OUTDIR --bundle-only  # just the bundle (CI)
#
# OUTDIR must lie outside the repository (or in its ignored out/ folder). It gets:
#   build-venv/                  the build's own virtual environment (reused when present)
#   dist/torch-playground/       the onedir bundle (playground and a TorchPlayground link; no
#                                Python needed)
#   torch-playground-V-linux-x86_64.tar.gz
#   torch-playground_V_amd64.deb installs to /opt/torch-playground, /usr/bin/playground,
#                                the desktop entry, the .playground file type and the icon
#   TorchPlayground.AppDir/      ready for: appimagetool OUTDIR/TorchPlayground.AppDir
# then runs packaging/smoke_test.py on the bundle.
#
# The bundle needs a glibc at least as new as the build machine's: build release
# artefacts on an old base (the release workflow uses Ubuntu 22.04).
# Environment: TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu for CPU-only PyTorch
# (the release workflow sets it); DEB_COMPRESSION=zstd (default: seconds, and every dpkg on
# a system new enough for the bundle's glibc reads it) or gzip (older dpkg, a minute longer);
# DEB_MAINTAINER="Name <mail>" (default: the last commit's author); PYTHON=python3.11 to
# choose the interpreter.
set -euo pipefail

usage() {
    echo "usage: bash packaging/build-linux.sh OUTDIR [--bundle-only]" >&2
    exit 2
}

# All in one function: bash has read the whole script before the first step runs.
main() {

    OUT=""
    BUNDLE_ONLY=0
    for arg in "$@"; do
        case "$arg" in
            --bundle-only) BUNDLE_ONLY=1 ;;
            -h|--help) usage ;;
            -*) echo "build-linux: unknown option $arg" >&2; usage ;;
            *) [ -z "$OUT" ] || usage; OUT="$arg" ;;
        esac
    done
    [ -n "$OUT" ] || usage

    REPO="$(cd "$(dirname "$0")/.." && pwd)"
    PYTHON="${PYTHON:-python3}"
    DEB_COMPRESSION="${DEB_COMPRESSION:-zstd}"
    mkdir -p "$OUT"
    OUT="$(cd "$OUT" && pwd)"
    case "$OUT/" in
        "$REPO/out/"*) ;;
        "$REPO/"*) echo "build-linux: put OUTDIR outside the repository (or under out/), e.g. /tmp/tp-build" >&2; exit 2 ;;
    esac

    NAME=torch-playground
    VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$REPO/pyproject.toml")"
    BUNDLE="$OUT/dist/$NAME"
    started=$(date +%s)
    say() { printf '[build-linux %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

    # ---- system packages -------------------------------------------------------------------
    # binutils: PyInstaller reads library dependencies with objdump. The xcb helper libraries,
    # fontconfig, freetype and xkbcommon are carried inside the bundle, so they must be on the
    # build machine; libGL/libEGL/libxcb come from the user's system (the .deb depends on them)
    # and are needed here to run the smoke test. DejaVu Sans is the font the bundle carries.
    PACKAGES=(binutils libgl1 libegl1 libxcb1 libfontconfig1 fontconfig-config fonts-dejavu-core
        libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
        libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
        libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxrender1 libx11-xcb1)
    if command -v dpkg-query >/dev/null; then
        missing=()
        for package in "${PACKAGES[@]}"; do
            dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
                || missing+=("$package")
        done
        if [ "${#missing[@]}" -gt 0 ]; then
            as_root=()
            [ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
            if command -v apt-get >/dev/null && "${as_root[@]}" true 2>/dev/null; then
                say "installing system packages: ${missing[*]}"
                apt_get() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
                apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
                    || { apt_get update -qq && apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
            else
                echo "build-linux: these system packages are missing; install them first:" >&2
                echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
                exit 1
            fi
        fi
    else
        command -v objdump >/dev/null || { echo "build-linux: install binutils (objdump) first" >&2; exit 1; }
    fi

    # ---- the build's virtual environment ----------------------------------------------------
    VENV="$OUT/build-venv"
    if [ ! -x "$VENV/bin/pyinstaller" ]; then
        say "making the build environment in $VENV"
        "$PYTHON" -m venv "$VENV"
        if [ -n "${TORCH_INDEX_URL:-}" ]; then  # e.g. PyTorch's CPU-only wheels
            "$VENV/bin/python" -m pip install -q torch==2.13.0 --index-url "$TORCH_INDEX_URL"
        fi
        # The app without its export extra: ONNX stays out of the download (see spec_helpers.py).
        "$VENV/bin/python" -m pip install -q torch==2.13.0 pyinstaller==6.22.3 \
            pyinstaller-hooks-contrib "$REPO"
    fi
    say "installing the app from $REPO into the build environment"
    "$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$REPO"

    # ---- the onedir bundle ------------------------------------------------------------------
    say "building the bundle with PyInstaller"
    rm -rf "$BUNDLE"
    # PYTHONWARNINGS: torch's hook imports every submodule, and old ones warn about themselves.
    (cd "$OUT" && QT_QPA_PLATFORM=offscreen PYTHONWARNINGS=ignore "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
        --distpath "$OUT/dist" --workpath "$OUT/work" "$REPO/packaging/torch-playground.spec")

    # One launcher on Linux (see spec_helpers.separate_windowed_launcher); the name people
    # look for on every system links to it.
    ln -s playground "$BUNDLE/TorchPlayground"
    INTERNAL="$BUNDLE/_internal"
    problems=0
    check() { if ! eval "$1"; then echo "build-linux: the bundle is broken: $2" >&2; problems=1; fi; }
    check '[ -x "$BUNDLE/playground" ] && [ -x "$BUNDLE/TorchPlayground" ]' "a launcher is missing"
    check '[ -x "$INTERNAL/torch/bin/torch_shm_manager" ]' "torch/bin/torch_shm_manager is missing"
    check '[ -f "$INTERNAL/playground/core/data/synthetic.py" ] && [ -f "$INTERNAL/playground/core/data/sklearn_sets.py" ]' \
        "the data code the script export copies is missing"
    check '[ -f "$INTERNAL/playground/resources/presets/spiral.json" ]' "the presets are missing"
    check '[ -n "$(ls "$INTERNAL"/playground/resources/fonts/*.ttf 2>/dev/null)" ]' "the fallback font is missing"
    check '[ ! -e "$INTERNAL/onnx" ] && [ ! -e "$INTERNAL/onnxruntime" ]' "ONNX was collected although it is left out"
    dangling="$(find "$BUNDLE" -xtype l)"
    check '[ -z "$dangling" ]' "dangling symbolic links: $dangling"
    gtk="$(find "$BUNDLE" -name 'libgtk-3*' -o -name '*qgtk3*')"
    check '[ -z "$gtk" ]' "the GTK stack was collected: $gtk"
    [ "$problems" -eq 0 ] || exit 1
    # PyTorch's libraries carry their symbol tables (about 100 MB); nothing else is stripped,
    # since strip breaks numpy's bundled OpenBLAS.
    strip --strip-unneeded "$INTERNAL"/torch/lib/*.so*
    say "bundle: $BUNDLE ($(du -sm "$BUNDLE" | cut -f1) MiB)"

    if [ "$BUNDLE_ONLY" -eq 0 ]; then
        ICONS="$OUT/work/torch-playground/icons"
        LINUX="$REPO/packaging/linux"

        # Install the desktop files under a prefix: entry, file type, icons (hicolor theme).
        install_desktop_files() {
            local share="$1/share"
            install -D -m 644 "$LINUX/$NAME.desktop" "$share/applications/$NAME.desktop"
            install -D -m 644 "$LINUX/$NAME.xml" "$share/mime/packages/$NAME.xml"
            install -D -m 644 "$REPO/resources/icons/app.svg" "$share/icons/hicolor/scalable/apps/$NAME.svg"
            for png in "$ICONS"/app-*.png; do
                local size="${png##*/app-}"; size="${size%.png}"
                install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$NAME.png"
            done
        }

        say "packing the .tar.gz"
        TARBALL="$OUT/$NAME-$VERSION-linux-x86_64.tar.gz"
        tar -C "$OUT/dist" -cf - "$NAME" | gzip -6 > "$TARBALL"

        say "packing the .deb ($DEB_COMPRESSION)"
        ROOT="$OUT/deb-root"
        rm -rf "$ROOT"
        mkdir -p "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/DEBIAN"
        cp -a "$BUNDLE" "$ROOT/opt/$NAME"
        ln -s "/opt/$NAME/playground" "$ROOT/usr/bin/playground"
        install_desktop_files "$ROOT/usr"
        # The libraries the bundle takes from the system (PyInstaller never carries these)
        # plus a font and fontconfig's configuration for a bare system.
        GLIBC="$(getconf GNU_LIBC_VERSION | cut -d' ' -f2)"  # the bundle needs the build's glibc
        MAINTAINER="${DEB_MAINTAINER:-$(git -C "$REPO" log -1 --format='%an <%ae>' 2>/dev/null || true)}"
        MAINTAINER="${MAINTAINER:-Torch Playground maintainers <maintainers@localhost>}"
        cat > "$ROOT/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $(du -sk "$ROOT/opt" | cut -f1)
Depends: libc6 (>= $GLIBC), libgl1, libegl1, libxcb1, libx11-6, libx11-xcb1, fontconfig-config, fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation
Recommends: shared-mime-info, desktop-file-utils
Section: education
Priority: optional
Description: design, train and watch small neural networks
 Torch Playground lets you build a small neural network by pointing and
 clicking, pick the data, loss and optimizer, and watch it train live: the
 loss, the weights and the gradient of every parameter. Bundles PyTorch (CPU)
 and Qt; no Python installation is needed.
EOF
        cat > "$ROOT/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
exit 0
EOF
        cp "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/postrm"
        chmod 755 "$ROOT/DEBIAN/postinst" "$ROOT/DEBIAN/postrm"
        DEB="$OUT/${NAME}_${VERSION}_amd64.deb"
        level=()
        [ "$DEB_COMPRESSION" = gzip ] && level=(-z6)
        dpkg-deb --root-owner-group "-Z$DEB_COMPRESSION" "${level[@]}" -b "$ROOT" "$DEB" >/dev/null
        rm -rf "$ROOT"

        say "making the AppDir"
        APPDIR="$OUT/TorchPlayground.AppDir"
        rm -rf "$APPDIR"
        mkdir -p "$APPDIR/usr/lib"
        cp -a "$BUNDLE" "$APPDIR/usr/lib/$NAME"
        install -m 755 "$LINUX/AppRun" "$APPDIR/AppRun"
        install_desktop_files "$APPDIR/usr"
        cp "$LINUX/$NAME.desktop" "$APPDIR/$NAME.desktop"
        cp "$ICONS/app-256.png" "$APPDIR/$NAME.png"
        ln -s "$NAME.png" "$APPDIR/.DirIcon"

        say "tar.gz: $(du -m "$TARBALL" | cut -f1) MB, deb: $(du -m "$DEB" | cut -f1) MB, AppDir: $APPDIR"
    fi

    say "smoke test of the bundle"
    "$PYTHON" "$REPO/packaging/smoke_test.py" "$BUNDLE"
    say "done"
}

main "$@"
