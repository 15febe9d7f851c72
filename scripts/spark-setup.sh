#!/usr/bin/env bash
# Installs PySpark (which bundles Spark, GraphX and spark-submit/spark-class) into a cached
# virtualenv, reused across runs. Prints SPARK_HOME (the pyspark package folder, with bin/ and
# jars/) on stdout. Exit 3 when Java is absent.
#   CHAINMAP_SPARK_VENV   where the venv lives (default ~/.cache/chainmap/spark-venv)
#   CHAINMAP_PYSPARK      the pip requirement (default pyspark==4.3.0)
set -euo pipefail
venv="${CHAINMAP_SPARK_VENV:-$HOME/.cache/chainmap/spark-venv}"
req="${CHAINMAP_PYSPARK:-pyspark==4.3.0}"
if ! command -v java >/dev/null 2>&1; then
  echo "spark-setup: java not found; Spark needs a Java 17 or 21 runtime (apt-get install openjdk-17-jre-headless)" >&2
  exit 3
fi
stamp="$venv/.chainmap-$req"
if [ ! -f "$stamp" ]; then
  echo "spark-setup: installing $req into $venv (about a minute; the source archive is ~456 MB)" >&2
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q "$req" >&2
  touch "$stamp"
fi
"$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
