namespace Hangar.Policy.Hosting.Output;

/// <summary>
/// Writes rendered files to an output folder as one switch: the new generation is written to a staging folder
/// beside it, and only when it is complete does it take the folder's place, so a failure at any point leaves the
/// previous generation whole.
/// </summary>
/// <remarks>
/// <para>
/// An existing folder is replaced only when everything in it was written by <c>emit</c> (see
/// <see cref="EmissionInventory"/>): a foreign file, a symbolic link or a deeper folder stops the write with a
/// <see cref="UsageException"/> that lists them, before anything changes. An <c>--out</c> that is itself a
/// symbolic link is refused too, naming its target, so that the switch never replaces a link by a folder or
/// writes through it. Links are never followed, read through or deleted through.
/// </para>
/// <para>
/// The switch renames the previous folder aside, renames the staging folder into place, then deletes the
/// previous one; if the second rename fails the previous folder is renamed back. Between the two renames a reader
/// finds no folder for an instant, never a mix of generations. A write killed half-way leaves a hidden staging or
/// set-aside folder beside the folder; the next successful write removes those of the same folder when they hold
/// only what emit writes, and says so. A folder that is a mount point cannot be renamed and is refused up front.
/// </para>
/// </remarks>
public static class OutputFolder
{
    private const string StagingMark = ".hangar-new-";
    private const string AsideMark = ".hangar-old-";

    /// <summary>
    /// Writes <paramref name="files"/> (relative '/'-separated path → text) as the whole content of
    /// <paramref name="folder"/>, where only the folders named in <paramref name="engineFolders"/> hold files of
    /// ours, and says what else it removed. Throws <see cref="UsageException"/> when the folder cannot be used or
    /// written.
    /// </summary>
    public static OutputWrite Write(IReadOnlyDictionary<string, string> files, string folder,
        IReadOnlyCollection<string> engineFolders)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(engineFolders);
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var previous = Check(folder, engineFolders);

        var parent = Path.GetDirectoryName(folder)
            ?? throw new UsageException($"--out '{folder}' has no parent folder; give a subfolder");
        var name = Path.GetFileName(folder);
        var staging = Path.Combine(parent, $".{name}{StagingMark}{Guid.NewGuid():N}");
        var aside = Path.Combine(parent, $".{name}{AsideMark}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            foreach (var (path, content) in files)
                WriteFile(staging, path, content);

            if (previous is null)
            {
                Directory.Move(staging, folder);
                return new OutputWrite(0, RemoveLeftovers(parent, name, engineFolders, aside));
            }

            Directory.Move(folder, aside);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Restore(aside, folder, e);
                throw;
            }
            DeleteQuietly(aside);
            return new OutputWrite(previous.Emitted.Count(p => !files.ContainsKey(p)),
                RemoveLeftovers(parent, name, engineFolders, aside));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out '{folder}': {e.Message}; the previous content is unchanged");
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    // The inventory of the existing folder, or null when there is none; throws when it is not ours to replace.
    private static EmissionInventory? Check(string folder, IReadOnlyCollection<string> engineFolders)
    {
        var info = new DirectoryInfo(folder);
        if (info.LinkTarget is { } target)
        {
            throw new UsageException($"--out '{folder}' is a symbolic link to '{target}'; emit replaces the folder as a " +
                "whole and never writes through a link: give the real folder instead");
        }
        if (File.Exists(folder))
            throw new UsageException($"--out '{folder}' is a file; give a folder (it is created when missing)");
        if (!info.Exists)
            return null;
        if (MountPoints.Contains(folder))
        {
            throw new UsageException($"--out '{folder}' is a mount point (a tmpfs, bind mount or volume), which cannot " +
                "be renamed, and emit replaces the folder as a whole by renaming it so that nothing is ever " +
                $"half-written: emit into a subfolder of it instead, e.g. --out '{Path.Combine(folder, "policy")}'");
        }

        EmissionInventory inventory;
        try
        {
            inventory = EmissionInventory.Of(folder, engineFolders);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --out '{folder}': {e.Message}");
        }
        if (inventory.Foreign.Count == 0)
            return inventory;

        const int shown = 5;
        var list = string.Join(", ", inventory.Foreign.Take(shown)) +
            (inventory.Foreign.Count > shown ? $" and {inventory.Foreign.Count - shown} more" : "");
        throw new UsageException($"--out '{folder}' holds what emit did not write: {list}; emit replaces the whole " +
            "folder, so give it a folder of its own (empty, or written by emit) and move those entries out, or " +
            "reference the folder from your own kustomization.yaml");
    }

    // Puts the previous generation back after a failed switch; if even that fails, says where it is.
    private static void Restore(string aside, string folder, Exception cause)
    {
        try
        {
            Directory.Move(aside, folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out '{folder}': {cause.Message}; moving the previous content " +
                $"back failed too ({e.Message}): it is whole in '{aside}', rename that folder to '{folder}'");
        }
    }

    private static void WriteFile(string root, string relative, string content)
    {
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new IOException($"'{relative}' would be written outside the folder");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    // The hidden staging and set-aside folders an interrupted write of the same folder left, when they are real
    // folders (not links) holding only what emit writes; anything else there is left alone.
    private static List<string> RemoveLeftovers(string parent, string name, IReadOnlyCollection<string> engineFolders,
        string ownAside)
    {
        var removed = new List<string>();
        try
        {
            RemoveLeftovers(parent, name, engineFolders, ownAside, removed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next write: the new generation itself is in place.
        }
        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    private static void RemoveLeftovers(string parent, string name, IReadOnlyCollection<string> engineFolders,
        string ownAside, List<string> removed)
    {
        foreach (var entry in new DirectoryInfo(parent).EnumerateDirectories($".{name}.hangar-*"))
        {
            var suffix = entry.Name[(name.Length + 1)..];
            var isOurs = (suffix.StartsWith(StagingMark, StringComparison.Ordinal)
                    || suffix.StartsWith(AsideMark, StringComparison.Ordinal))
                && suffix.Length == StagingMark.Length + 32
                && suffix[StagingMark.Length..].All(char.IsAsciiHexDigitLower);
            if (!isOurs || entry.LinkTarget is not null || entry.FullName == ownAside)
                continue;
            if (EmissionInventory.Of(entry.FullName, engineFolders).Foreign.Count > 0)
                continue;
            Directory.Delete(entry.FullName, recursive: true);
            removed.Add(entry.FullName);
        }
    }

    // Removes a folder of ours; Directory.Delete removes a link found inside it without following it.
    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden folder beside --out is harmless; the write itself succeeded or was reported.
        }
    }
}
