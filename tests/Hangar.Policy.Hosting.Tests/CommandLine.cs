using Hangar.Policy.Hosting;
using Hangar.Policy.Hosting.Backends;
using Hangar.Policy.Model;

namespace Hangar.Policy.Hosting.Tests;

/// <summary>Runs the policy command line in a scratch working folder, capturing what it prints.</summary>
internal sealed class CommandLine : IDisposable
{
    public CommandLine()
    {
        WorkingDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hangar-hosting-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public BackendRegistry Backends { get; init; } = BackendRegistry.Default;

    public string Path(params string[] parts) => System.IO.Path.Combine([WorkingDirectory, .. parts]);

    public string WriteFile(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public Outcome Run(Func<PolicySet> policy, params string[] args) => Run([PolicySource.From(policy)], args);

    public Outcome Run(IEnumerable<PolicySource> sources, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var options = new HangarHostOptions
        {
            Out = output,
            Error = error,
            WorkingDirectory = WorkingDirectory,
            ApplicationDirectory = null,
            Backends = Backends,
        };
        var code = HangarHost.Run(args, sources, options);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(WorkingDirectory))
            Directory.Delete(WorkingDirectory, recursive: true);
    }

    internal sealed record Outcome(int ExitCode, string Out, string Error);
}
