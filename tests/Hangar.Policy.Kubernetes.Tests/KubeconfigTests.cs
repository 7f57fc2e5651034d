using Hangar.Policy.Kubernetes.Connection;

namespace Hangar.Policy.Kubernetes.Tests;

public sealed class KubeconfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hangar-kubeconfig-").FullName;

    [Fact]
    public void Load_KubeconfigVariableListsTwoFiles_FirstCurrentContextWins()
    {
        var options = new KubeconfigOptions { KubeconfigVariable = TwoFiles(), HomeDirectory = _folder };

        var configuration = KubeconfigLocator.Load(options);

        Assert.Equal("http://127.0.0.1:1111", configuration.Host.TrimEnd('/'));
    }

    [Fact]
    public void Load_ContextFromTheSecondFile_SelectsItsCluster()
    {
        var options = new KubeconfigOptions { KubeconfigVariable = TwoFiles(), Context = "staging", HomeDirectory = _folder };

        var configuration = KubeconfigLocator.Load(options);

        Assert.Equal("http://127.0.0.1:2222", configuration.Host.TrimEnd('/'));
        Assert.Equal("staging", configuration.CurrentContext);
    }

    [Fact]
    public void Files_ExplicitPathMissing_ThrowsNamingThePath()
    {
        var missing = Path.Combine(_folder, "nope.yaml");

        var error = Assert.Throws<FileNotFoundException>(() => KubeconfigLocator.Files(new KubeconfigOptions { KubeconfigPath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_NoVariableButHomeConfig_UsesHomeConfig()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".kube"));
        var home = Write(Path.Combine(".kube", "config"), "dev", "1111");

        var files = KubeconfigLocator.Files(new KubeconfigOptions { KubeconfigVariable = null, HomeDirectory = _folder });

        Assert.Equal([home], files);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string TwoFiles() =>
        string.Join(Path.PathSeparator,
            Write("dev.yaml", "dev", "1111"), Path.Combine(_folder, "missing.yaml"), Write("staging.yaml", "staging", "2222"));

    private string Write(string name, string context, string port)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: {context}
            clusters:
            - name: {context}
              cluster:
                server: http://127.0.0.1:{port}
            users:
            - name: {context}
              user:
                token: not-a-secret
            contexts:
            - name: {context}
              context:
                cluster: {context}
                user: {context}
            """);
        return path;
    }
}
