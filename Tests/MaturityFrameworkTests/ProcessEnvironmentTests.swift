import Foundation
import MaturityFramework
import Testing

/// The environment read from the C library, against Foundation's reading of it.
@Suite("Process environment")
struct ProcessEnvironmentTests {
    @Test func itMatchesFoundationsEnvironmentIncludingValuesWithEqualsSigns() {
        setenv("MATURITY_TEST_ENVIRONMENT", "a=b=c ✓", 1)
        defer { unsetenv("MATURITY_TEST_ENVIRONMENT") }
        #expect(ProcessEnvironment.variables["MATURITY_TEST_ENVIRONMENT"] == "a=b=c ✓")
        #expect(ProcessEnvironment.variables == ProcessInfo.processInfo.environment)
    }
}
