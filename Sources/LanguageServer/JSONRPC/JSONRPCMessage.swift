import JSONSchema

/// A JSON-RPC 2.0 request id: a number or a string.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case number(Int)
  case string(String)

  init?(_ value: JSONValue) {
    switch value {
    case .number(let number):
      guard let int = number.intValue else { return nil }
      self = .number(int)
    case .string(let string): self = .string(string)
    default: return nil
    }
  }

  /// The id as JSON.
  public var json: JSONValue {
    switch self {
    case .number(let int): return .integer(int)
    case .string(let string): return .string(string)
    }
  }

  public var description: String {
    switch self {
    case .number(let int): return String(int)
    case .string(let string): return JSONWriter.text(of: .string(string))
    }
  }
}

/// A JSON-RPC error object.
public struct ResponseError: Error, Sendable, Equatable {
  public var code: Int
  public var message: String

  public init(_ code: Int, _ message: String) {
    self.code = code
    self.message = message
  }

  public static let parseErrorCode = -32700
  public static let invalidRequestCode = -32600
  public static let methodNotFoundCode = -32601
  public static let invalidParamsCode = -32602
  public static let internalErrorCode = -32603
  public static let serverNotInitializedCode = -32002
  public static let requestCancelledCode = -32800
  public static let requestFailedCode = -32803

  public static func parseError(_ message: String) -> ResponseError { ResponseError(parseErrorCode, message) }
  public static func invalidRequest(_ message: String) -> ResponseError {
    ResponseError(invalidRequestCode, message)
  }
  public static func invalidParams(_ message: String) -> ResponseError {
    ResponseError(invalidParamsCode, message)
  }

  var json: JSONValue {
    .object(JSONObject([("code", .integer(code)), ("message", .string(message))]))
  }
}

/// One message received from the client.
public enum IncomingMessage: Sendable {
  case request(id: RequestID, method: String, params: JSONValue?)
  case notification(method: String, params: JSONValue?)
  /// A response to a request the server sent (the server sends none it waits for; ignored).
  case response(id: RequestID?)

  /// Reads a message from its JSON content, or says why it is not a valid JSON-RPC message (with the
  /// id to answer, when one could be read).
  public static func parse(_ content: [UInt8]) -> Result<IncomingMessage, InvalidMessage> {
    let value: JSONValue
    do {
      value = try JSONReader(maxDepth: 128).read(content)
    } catch {
      return .failure(InvalidMessage(id: nil, error: .parseError("invalid JSON: \(error.description)")))
    }
    return parse(value)
  }

  /// Reads a message from a JSON value.
  public static func parse(_ value: JSONValue) -> Result<IncomingMessage, InvalidMessage> {
    guard case .object(let object) = value else {
      let what = value.arrayValue != nil ? "batches are not supported" : "a message must be a JSON object"
      return .failure(InvalidMessage(id: nil, error: .invalidRequest(what)))
    }
    let rawID = object["id"]
    let id = rawID.flatMap(RequestID.init)
    guard object["jsonrpc"] == .string("2.0") else {
      return .failure(InvalidMessage(id: id, error: .invalidRequest("\"jsonrpc\" must be \"2.0\"")))
    }
    if let method = object["method"] {
      guard case .string(let name) = method else {
        return .failure(InvalidMessage(id: id, error: .invalidRequest("\"method\" must be a string")))
      }
      // `"params": null` is sent by some clients for requests without parameters; it means none.
      let params = object["params"] == .null ? nil : object["params"]
      if let params, params.objectValue == nil, params.arrayValue == nil {
        return .failure(
          InvalidMessage(id: id, error: .invalidRequest("\"params\" must be an object or an array")))
      }
      guard rawID != nil else { return .success(.notification(method: name, params: params)) }
      guard let id else {
        return .failure(
          InvalidMessage(id: nil, error: .invalidRequest("\"id\" must be an integer or a string")))
      }
      return .success(.request(id: id, method: name, params: params))
    }
    if object["result"] != nil || object["error"] != nil { return .success(.response(id: id)) }
    return .failure(InvalidMessage(id: id, error: .invalidRequest("neither a request nor a response")))
  }
}

/// A message that could not be read, with the id to answer (if any) and the error to answer with.
public struct InvalidMessage: Error, Sendable {
  public var id: RequestID?
  public var error: ResponseError
}

/// Builds the JSON of outgoing messages.
public enum OutgoingMessage {
  /// A successful response.
  public static func response(id: RequestID, result: JSONValue) -> JSONValue {
    .object(JSONObject([("jsonrpc", .string("2.0")), ("id", id.json), ("result", result)]))
  }

  /// An error response (`id` is `null` when the request's id could not be read).
  public static func error(id: RequestID?, _ error: ResponseError) -> JSONValue {
    .object(JSONObject([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("error", error.json)]))
  }

  /// A notification.
  public static func notification(method: String, params: JSONValue) -> JSONValue {
    .object(JSONObject([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
  }
}
