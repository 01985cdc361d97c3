import CellGrid
import CNcursesw
import Testing
@testable import CursesTerminal

/// ncurses key codes and typed characters as keys.
@Suite("Key decoding")
struct KeyDecoderTests {
    @Test func keyCodesBecomeKeys() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
            (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_RESIZE, .resize), (KEY_F0 + 1, .help),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.key(code: code, isKeyCode: true) == key, "key code \(code)")
        }
    }

    @Test func otherKeyCodesAreIgnored() {
        for code in [KEY_F0 + 2, KEY_F0 + 12, KEY_IC, KEY_MOUSE, KEY_MAX, 0, -1] {
            #expect(KeyDecoder.key(code: code, isKeyCode: true) == nil, "key code \(code)")
        }
    }

    @Test func controlCharactersBecomeTheirKeys() {
        #expect(KeyDecoder.key(code: 10, isKeyCode: false) == .enter)
        #expect(KeyDecoder.key(code: 13, isKeyCode: false) == .enter)
        #expect(KeyDecoder.key(code: 9, isKeyCode: false) == .tab)
        #expect(KeyDecoder.key(code: 8, isKeyCode: false) == .backspace)
        #expect(KeyDecoder.key(code: 127, isKeyCode: false) == .backspace)
        #expect(KeyDecoder.key(code: 27, isKeyCode: false) == .escape)
        #expect(KeyDecoder.key(code: 3, isKeyCode: false) == .control("c"))
        #expect(KeyDecoder.key(code: 26, isKeyCode: false) == .control("z"))
        #expect(KeyDecoder.key(code: 1, isKeyCode: false) == .control("a"))
    }

    @Test func nulAndTheOtherSeparatorsAreIgnored() {
        for code: Int32 in [0, 28, 29, 30, 31] {
            #expect(KeyDecoder.key(code: code, isKeyCode: false) == nil, "code \(code)")
        }
    }

    @Test(arguments: ["a", "Z", "?", " ", "é", "ŵ", "日", "🙂", "\u{A0}", "\u{10FFFF}"])
    func printableCharactersComeThrough(_ text: String) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(KeyDecoder.key(code: Int32(bitPattern: scalar.value), isKeyCode: false) == .character(Character(scalar)))
    }

    @Test func codesThatAreNoCodePointAreIgnored() {
        for code: Int32 in [0xD800, 0xDFFF, 0x110000, Int32.max, -5] {
            #expect(KeyDecoder.key(code: code, isKeyCode: false) == nil, "code \(code)")
        }
    }
}
