import Crypto

/// Content identity of scenario and policy files in the run history: SHA-256, written as
/// 64 lower-case hex digits (the same as `sha256sum FILE` prints).
public enum ContentHash {
    /// The SHA-256 of `bytes` in hex.
    /// - Complexity: O(n).
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
