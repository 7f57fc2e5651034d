using Hangar.Policy.Hosting;
using McpWorkspace;

// dotnet run -- emit --out out/acme --engines networkpolicy,tetragon
// dotnet run -- coverage --format markdown
// dotnet run -- validate
return HangarHost.Run(args, AcmeWorkspace.Build);
