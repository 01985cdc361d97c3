import FoundationEssentials
import CLibMD

/// The SHA-256 of a framework file's bytes, as 64 lowercase hex digits: what an assessment records to
/// name the exact framework text it was answered against.
public enum ContentHash {
    /// The hash of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var context = SHA2_CTX()
        SHA256Init(&context)
        let input = Array(bytes)
        input.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { SHA256Update(&context, base, buffer.count) }
        }
        digest.withUnsafeMutableBufferPointer { output in
            if let base = output.baseAddress { SHA256Final(base, &context) }
        }
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` looks like a hash this type writes: 64 lowercase hex digits.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
