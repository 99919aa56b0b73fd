#!/usr/bin/env bash
# Adds an EF Core migration with the same name to both providers: scripts/add-migration.sh <Name>
# (the model lives in src/Sosei.Application/Persistence; see docs/adr/0003-persistence.md).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Sosei.Migrations.$p" --startup-project "src/Sosei.Migrations.$p" --output-dir Migrations
done
