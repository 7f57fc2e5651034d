using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Hangar.Policy.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
