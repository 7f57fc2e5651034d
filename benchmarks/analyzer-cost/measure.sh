#!/usr/bin/env bash
# Measures what the Hangar.Policy analyzers and source generators add to a build: generates a project with 1,000
# [HangarPolicy] policies (50 files of 20), then times full recompilations of it with and without the analyzer
# assembly, alternating, and prints the medians. Usage: benchmarks/analyzer-cost/measure.sh [RUNS] (default 5).
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Hangar.Policy/Hangar.Policy.csproj" -c Release -v q -nologo >/dev/null
lib="$root/src/Hangar.Policy/bin/Release/net10.0"
analyzer="$root/analyzers/Hangar.Policy.Analyzers/bin/Release/netstandard2.0/Hangar.Policy.Analyzers.dll"

cat > "$work/Policies.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <RootNamespace>Policies</RootNamespace>
    <WithAnalyzers Condition="'\$(WithAnalyzers)' == ''">true</WithAnalyzers>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$lib/Hangar.Policy.dll" />
    <Reference Include="$lib/YamlDotNet.dll" Condition="Exists('$lib/YamlDotNet.dll')" />
    <CompilerVisibleProperty Include="RootNamespace" />
    <AdditionalFiles Include="hangar.yaml" />
    <AdditionalFiles Include="fetch.tools.json" />
  </ItemGroup>
  <ItemGroup Condition="'\$(WithAnalyzers)' == 'true'">
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
XML
printf 'policy_engines: [networkpolicy, tetragon]\n' > "$work/hangar.yaml"
printf '{"tools":[{"name":"fetch","inputSchema":{}},{"name":"fetch_raw","inputSchema":{}}]}\n' > "$work/fetch.tools.json"

for file in $(seq -w 1 50); do
  {
    echo "using Hangar.Policy;"
    echo "using Hangar.Policy.Building;"
    echo "using Hangar.Policy.Model;"
    echo "namespace Policies;"
    echo "public static class Group$file"
    echo "{"
    for n in $(seq -w 1 20); do
      id="p$file$n"
      cat <<CS
    [HangarPolicy]
    public static PolicySet P$file$n() => PolicySet.Named("$id").Workspace("w$id", ws => ws
        .DenyLoopback().DenyCloudMetadata().DenyCidr("10.0.0.0/8")
        .Server("fetch", s => s.DefaultDenyEgress().AllowEgress("140.82.112.0/20", Ports.Tcp(443))
            .Tool("fetch", t => t.RunsAs("/usr/bin/fetch").DenyCidr("100.64.0.0/10")))).Build();
CS
    done
    echo "}"
  } > "$work/Group$file.cs"
done

dotnet restore "$work/Policies.csproj" -v q >/dev/null
if [ "${HANGAR_ANALYZER_REPORT:-}" = 1 ]; then
  # Per-analyzer and per-generator times as the compiler reports them, instead of the timing loop.
  dotnet build "$work/Policies.csproj" --no-restore --no-incremental -nologo -v d -p:ReportAnalyzer=true \
    | grep -A12 -E "Total (analyzer|generator) execution time"
  exit 0
fi
time_build() {
  local start end
  start=$(date +%s.%N)
  dotnet build "$work/Policies.csproj" --no-restore --no-incremental -v q -nologo -p:WithAnalyzers="$1" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# One untimed build of each kind warms the compiler server and the file cache.
time_build true >/dev/null
time_build false >/dev/null
with=(); without=()
for _ in $(seq 1 "$runs"); do
  with+=("$(time_build true)")
  without+=("$(time_build false)")
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m_with=$(median "${with[@]}")
m_without=$(median "${without[@]}")
echo "runs: $runs"
echo "with analyzers and generators (s):    ${with[*]}"
echo "without (s):                          ${without[*]}"
printf 'median with %.2f s, without %.2f s, added %.1f%%\n' "$m_with" "$m_without" "$(echo "($m_with - $m_without) * 100 / $m_without" | bc -l)"
