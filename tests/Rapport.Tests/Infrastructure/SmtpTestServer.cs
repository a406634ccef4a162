using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port: Debian's aiosmtpd, whose Mailbox handler writes every message it
/// accepts to a maildir. Started and stopped by the tests (stopping it is how a test takes the mail server down).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string maildir = Path.Combine(Path.GetTempPath(), "rapport-tests", $"mail-{Guid.NewGuid():N}");
    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; } = FreePort();

    public async Task StartAsync()
    {
        if (process is not null) return;
        // aiosmtpd makes the maildir but not its parent, which nothing else has made on a fresh machine.
        Directory.CreateDirectory(Path.GetDirectoryName(maildir)!);
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"aiosmtpd exited at start (is python3-aiosmtpd installed? scripts/test.sh installs it): {Output}");
            }
            if (await AcceptsConnectionsAsync()) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"aiosmtpd did not listen on port {Port}: {Output}");
    }

    public async Task StopAsync()
    {
        if (process is null) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>The messages the server accepted for this envelope recipient (aiosmtpd records it as X-RcptTo).</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address)
    {
        var delivered = Path.Combine(maildir, "new");
        if (!Directory.Exists(delivered)) return [];
        return [.. Directory.EnumerateFiles(delivered).Select(file => MimeMessage.Load(file))
            .Where(m => m.Headers["X-RcptTo"]?.Split(',').Any(r => r.Trim().Equals(address, StringComparison.OrdinalIgnoreCase)) == true)];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(maildir)) Directory.Delete(maildir, recursive: true);
    }

    private string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
