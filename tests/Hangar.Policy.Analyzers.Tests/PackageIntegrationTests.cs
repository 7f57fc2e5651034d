using Hangar.Policy.Analyzers.Tests.Infrastructure;

namespace Hangar.Policy.Analyzers.Tests;

/// <summary>
/// Packs Hangar.Policy into a folder feed, restores it into a fresh project outside the repository and builds it:
/// the analyzers must report, the generators must produce the catalog and the tool registry.
/// </summary>
public sealed class PackageIntegrationTests
{
    private const string Program = """
        using Hangar.Policy;
        using Hangar.Policy.Building;
        using Hangar.Policy.Model;
        using Consumer;

        foreach (var policy in HangarPolicyCatalog.Policies)
            Console.WriteLine($"policy {policy.Source} {policy.Build().Name}");
        Console.WriteLine($"tool {McpTools.Fetch.Fetch}");

        namespace Consumer
        {
            public static class Policies
            {
                [HangarPolicy]
                public static PolicySet Acme() => PolicySet.Named("acme").Workspace("acme", ws => ws
                    .DenyLoopback()
                    .Server("fetch", s => s.Tool(McpTools.Fetch.Fetch, t => t.DenyCidr("100.64.0.0/10")))).Build();

                public static PolicySet NeverCalled() => PolicySet.Named("broken").Workspace("broken", ws => ws
                    .DenyCidr("10.0.0.1/8")).Build();
            }
        }
        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <RootNamespace>Consumer</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Hangar.Policy" Version="$(HangarVersion)" />
            <AdditionalFiles Include="fetch.tools.json" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public void PackedPackage_InFreshConsumer_ReportsDiagnosticsAndGeneratesCatalogAndRegistry()
    {
        var root = Upstream.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var work = Directory.CreateTempSubdirectory("hangar-package-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var consumer = Path.Combine(work, "consumer");
            var version = $"0.1.0-local.{DateTime.UtcNow:yyyyMMddHHmmss}";
            var pack = DotnetCommand.Run(root, "pack", Path.Combine(root, "src", "Hangar.Policy", "Hangar.Policy.csproj"),
                "--no-build", "-c", configuration, "-o", feed, $"-p:Version={version}");
            Assert.True(pack.ExitCode == 0, pack.Output);

            WriteConsumer(consumer, feed);
            var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var build = DotnetCommand.Run(consumer, "build", $"-p:HangarVersion={version}",
                $"-p:RestorePackagesPath={Path.Combine(work, "packages")}", $"-p:RestoreAdditionalProjectFallbackFolders={globalPackages}");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.True(build.Output.Contains("Program.cs(20,23): warning HANGAR0001", StringComparison.Ordinal), build.Output);
            Assert.True(build.Output.Contains("Program.cs(16,14): warning HANGAR0201", StringComparison.Ordinal), build.Output);

            var run = DotnetCommand.Run(consumer, "run", "--no-build");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("policy Consumer.Policies.Acme acme", run.Output, StringComparison.Ordinal);
            Assert.Contains("tool fetch/fetch", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void WriteConsumer(string directory, string feed)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), Project);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "fetch.tools.json"), ManifestTexts.Fetch);
        // Read through the package's props: engines come from hangar.yaml beside the project.
        File.WriteAllText(Path.Combine(directory, "hangar.yaml"), "policy_engines: [networkpolicy]\n");
        // Severity is the user's to choose: the bad CIDR of a method nobody calls is only a warning here.
        File.WriteAllText(Path.Combine(directory, ".editorconfig"),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.HANGAR0001.severity = warning\n");
        // The folder feed is added to the machine's own NuGet sources, which stay in effect.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hangar-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }
}
