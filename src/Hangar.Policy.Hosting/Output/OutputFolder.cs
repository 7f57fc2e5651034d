using Hangar.Policy.Output;
using YamlDotNet.RepresentationModel;

namespace Hangar.Policy.Hosting.Output;

/// <summary>
/// Writes rendered files to an output folder all at once: they are first written to a staging folder beside
/// it, so that a failure leaves no partial folder, and only then moved into place.
/// </summary>
/// <remarks>
/// An existing folder is kept: files of the new emission replace their namesakes, files the previous emission
/// listed in its kustomization.yaml (and labelled as managed by Hangar.Policy) that are no longer emitted are
/// removed, and every other file is left alone.
/// </remarks>
public static class OutputFolder
{
    private const string ManagedByLine = $"{HangarLabels.ManagedBy}: {HangarLabels.ManagedByValue}";

    /// <summary>
    /// Writes <paramref name="files"/> (relative '/'-separated path → text) into <paramref name="folder"/> and
    /// returns how many stale files were removed. Throws <see cref="UsageException"/> when the folder cannot be written.
    /// </summary>
    public static int Write(IReadOnlyDictionary<string, string> files, string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (File.Exists(folder))
            throw new UsageException($"--out '{folder}' is a file; give a folder (it is created when missing)");

        var parent = Path.GetDirectoryName(folder)
            ?? throw new UsageException($"--out '{folder}' has no parent folder; give a subfolder");
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.hangar-staging-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            foreach (var (path, content) in files)
                WriteFile(Path.Combine(staging, path), content);

            if (!Directory.Exists(folder))
            {
                Directory.Move(staging, folder);
                return 0;
            }

            var previous = PreviousResources(folder);
            foreach (var path in files.Keys)
            {
                var target = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, path), target, overwrite: true);
            }
            return RemoveStale(folder, previous.Except(files.Keys, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out '{folder}': {e.Message}");
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static void WriteFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    // The resources listed by the folder's kustomization.yaml, when Hangar.Policy wrote it.
    private static IEnumerable<string> PreviousResources(string folder)
    {
        var path = Path.Combine(folder, ManifestDirectory.KustomizationFile);
        if (!File.Exists(path))
            return [];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("resources"), out var resources)
                || resources is not YamlSequenceNode list)
                return [];
            return list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>()
                .Where(p => !Path.IsPathRooted(p) && !p.Split('/').Contains(".."))
                .ToList();
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [];
        }
    }

    private static int RemoveStale(string folder, IEnumerable<string> stale)
    {
        var removed = 0;
        foreach (var path in stale)
        {
            var full = Path.Combine(folder, path);
            if (!File.Exists(full) || !File.ReadAllText(full).Contains(ManagedByLine, StringComparison.Ordinal))
                continue;
            File.Delete(full);
            removed++;
            var directory = Path.GetDirectoryName(full)!;
            if (directory != folder && !Directory.EnumerateFileSystemEntries(directory).Any())
                Directory.Delete(directory);
        }
        return removed;
    }
}
