using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;

namespace Hangar.Policy.Kubernetes.Connection;

/// <summary>
/// A connection to one cluster's API server: KubernetesClient supplies TLS, client certificates and token or
/// exec-plugin credentials; this class sends the few raw requests apply, diff and detection need and retries them
/// according to <see cref="RetryPolicy"/>.
/// </summary>
public sealed class ClusterClient : IDisposable
{
    private readonly k8s.Kubernetes _kubernetes;
    private readonly PipelineEntry _pipeline;
    private readonly HttpClient _http;
    private readonly string _base;

    /// <summary>Connects with <paramref name="configuration"/>.</summary>
    public ClusterClient(KubernetesClientConfiguration configuration, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // KubernetesClient builds the TLS and client-certificate pipeline and chains the handlers it is given in
        // front of it; requests sent through that first handler therefore travel the configured pipeline.
        _pipeline = new PipelineEntry();
        _kubernetes = new k8s.Kubernetes(configuration, _pipeline);
        _http = new HttpClient(_pipeline, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _base = _kubernetes.BaseUri.ToString().TrimEnd('/');
        Retry = retry ?? RetryPolicy.Default;
    }

    /// <summary>Connects to the cluster <paramref name="options"/> names (kubeconfig, context, or in-cluster).</summary>
    public static ClusterClient Connect(KubeconfigOptions options, RetryPolicy? retry = null) =>
        new(KubeconfigLocator.Load(options), retry);

    /// <summary>The server's address.</summary>
    public Uri Server => _kubernetes.BaseUri;

    /// <summary>The retry policy.</summary>
    public RetryPolicy Retry { get; }

    /// <summary>Sends a GET.</summary>
    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    /// <summary>
    /// Sends a request and retries it on 409 (unless a field-manager conflict), 429, 5xx, connection failures and
    /// timeouts. Returns the last answer, which may be a failure; throws only on cancellation or when every try
    /// failed without an answer.
    /// </summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? body, string? contentType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Retry.RequestTimeout);

            ApiResponse? response = null;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(method, _base + path);
                if (body is not null)
                    request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "application/json");
                request.Headers.Accept.ParseAdd("application/json");
                if (_kubernetes.Credentials is { } credentials)
                    await credentials.ProcessHttpRequestAsync(request, timeout.Token).ConfigureAwait(false);

                using var answer = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var text = await answer.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                response = new ApiResponse(answer.StatusCode, Parse(text), text);
                retryAfter = answer.Headers.RetryAfter?.Delta;
                if (!IsRetryable(response) || attempt >= Retry.MaxAttempts)
                    return response;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Retry.MaxAttempts)
                    throw new TimeoutException(
                        $"{method} {path}: no answer within {Retry.RequestTimeout.TotalSeconds:0.#} s after {attempt} tries; " +
                        "check the API server's health or raise the request timeout");
            }
            catch (HttpRequestException e)
            {
                if (attempt >= Retry.MaxAttempts)
                    throw new HttpRequestException(
                        $"{method} {path}: {e.Message} after {attempt} tries; check that {Server} is reachable", e);
            }

            await Task.Delay(Retry.DelayAfter(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _kubernetes.Dispose();
        _pipeline.Dispose();
    }

    private static bool IsRetryable(ApiResponse response) => response.StatusCode switch
    {
        HttpStatusCode.Conflict => KubernetesApiException.ConflictsOf(response.Body as JsonObject).IsEmpty,
        HttpStatusCode.TooManyRequests => true,
        _ => (int)response.StatusCode >= 500,
    };

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed class PipelineEntry : DelegatingHandler;
}
