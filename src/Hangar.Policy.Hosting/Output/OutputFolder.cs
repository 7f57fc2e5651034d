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
/// finds no folder for an instant, never a mix of generations.
/// </para>
/// </remarks>
public static class OutputFolder
{
    /// <summary>
    /// Writes <paramref name="files"/> (relative '/'-separated path → text) as the whole content of
    /// <paramref name="folder"/> and returns how many files of the previous generation are gone (no longer emitted).
    /// Throws <see cref="UsageException"/> when the folder cannot be used or written.
    /// </summary>
    public static int Write(IReadOnlyDictionary<string, string> files, string folder)
    {
        ArgumentNullException.ThrowIfNull(files);
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var previous = Check(folder);

        var parent = Path.GetDirectoryName(folder)
            ?? throw new UsageException($"--out '{folder}' has no parent folder; give a subfolder");
        var name = Path.GetFileName(folder);
        var staging = Path.Combine(parent, $".{name}.hangar-new-{Guid.NewGuid():N}");
        var aside = Path.Combine(parent, $".{name}.hangar-old-{Guid.NewGuid():N}");
        var swapped = false;
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            foreach (var (path, content) in files)
                WriteFile(staging, path, content);

            if (previous is null)
            {
                Directory.Move(staging, folder);
                return 0;
            }

            Directory.Move(folder, aside);
            try
            {
                Directory.Move(staging, folder);
                swapped = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Restore(aside, folder, e);
                throw;
            }
            return previous.Emitted.Count(p => !files.ContainsKey(p));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write to --out '{folder}': {e.Message}; the previous content is unchanged");
        }
        finally
        {
            DeleteQuietly(staging);
            if (swapped)
                DeleteQuietly(aside);
        }
    }

    // The inventory of the existing folder, or null when there is none; throws when it is not ours to replace.
    private static EmissionInventory? Check(string folder)
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

        EmissionInventory inventory;
        try
        {
            inventory = EmissionInventory.Of(folder);
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
