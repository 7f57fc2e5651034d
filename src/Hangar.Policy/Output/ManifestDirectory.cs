using Hangar.Policy.Compilation;

namespace Hangar.Policy.Output;

/// <summary>
/// Writes a compilation to a folder: one YAML file per object under a folder per backend, the backends' extra
/// files beside them, and a <c>kustomization.yaml</c> listing the objects, so that <c>kubectl apply -k</c>
/// and GitOps tools take the folder as it is.
/// </summary>
public static class ManifestDirectory
{
    /// <summary>The kustomization file name.</summary>
    public const string KustomizationFile = "kustomization.yaml";

    /// <summary>
    /// Writes <paramref name="result"/> to <paramref name="directory"/> and returns the paths written, relative
    /// to it. Throws when the compilation failed: a failed compilation writes nothing.
    /// </summary>
    public static IReadOnlyList<string> Write(CompilationResult result, string directory)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("the compilation has errors, so nothing is written; fix the errors "
                + "listed in its diagnostics");

        var files = Render(result);
        Directory.CreateDirectory(directory);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }
        return [.. files.Keys];
    }

    /// <summary>The files <see cref="Write"/> would write, by relative path ('/'-separated), in order.</summary>
    public static SortedDictionary<string, string> Render(CompilationResult result)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var obj in result.Objects)
            files.Add($"{obj.Backend}/{obj.FileName}", obj.ToYaml());
        foreach (var file in result.Files)
            files.Add($"{file.Backend}/{file.FileName}", file.Content);

        var kustomization = new ObjectNode
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = result.Objects.Select(o => $"{o.Backend}/{o.FileName}").ToList(),
        };
        files.Add(KustomizationFile, YamlText.Write(kustomization));
        return files;
    }
}
