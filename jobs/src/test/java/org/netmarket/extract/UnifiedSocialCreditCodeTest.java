package org.netmarket.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netmarket.rules.Reason;
import org.netmarket.rules.ReasonAssertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GB 32100-2015: C18 = 31 - MOD(sum(Ci * Wi), 31) (31 -> 0), Wi = 3^(i-1) mod 31, over the 31-character
 * set 0-9 A-H J-N P-R T U W X Y.
 */
class UnifiedSocialCreditCodeTest {

    /**
     * The worked example that accompanies GB 32100-2015's check-character rule (reproduced, e.g., in
     * the public explanations at renrendoc.com/p-47802332.html and wddqw.com): for
     * 91350100M000100Y4 the weighted sum is 1640, 1640 mod 31 = 28, 31 - 28 = 3, so the check
     * character is '3' and the example's 91350100M000100Y4Z is not a valid code.
     */
    @Test
    void theStandardsWorkedExample() {
        assertEquals('3', UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4"));
        assertNull(UnifiedSocialCreditCode.problem("91350100M000100Y43"));
        assertNotNull(UnifiedSocialCreditCode.problem("91350100M000100Y4Z"));
    }

    /**
     * 华为技术有限公司 (Huawei Technologies Co., Ltd.), as published in the infobox of its Chinese
     * Wikipedia article (zh.wikipedia.org, "華為", 機構代碼 914403001922038216).
     */
    @Test
    void huaweiTechnologies() {
        assertEquals('6', UnifiedSocialCreditCode.checkCharacter("91440300192203821"));
        assertNull(UnifiedSocialCreditCode.problem("914403001922038216"));
    }

    /**
     * 腾讯科技（深圳）有限公司 (Tencent Technology (Shenzhen) Co., Ltd.): 91440300708461136T, as
     * carried in the ContentProducer field of public AIGC content labels ("0011" + the code) and in
     * company listings; its check character is a letter.
     */
    @Test
    void tencentTechnologyHasALetterAsCheckCharacter() {
        assertEquals('T', UnifiedSocialCreditCode.checkCharacter("91440300708461136"));
        assertNull(UnifiedSocialCreditCode.problem("91440300708461136T"));
    }

    @Test
    void aSumDivisibleBy31GivesCheckCharacterZero() {
        // All zeros: sum 0, 31 - 0 = 31, which the standard maps to 0.
        assertEquals('0', UnifiedSocialCreditCode.checkCharacter("00000000000000000"));
        // "1" in position 1 has weight 1: sum 1, 31 - 1 = 30 -> 'Y' (the 31st character).
        assertEquals('Y', UnifiedSocialCreditCode.checkCharacter("10000000000000000"));
        // "1" in position 17 has weight 28: 31 - 28 = 3.
        assertEquals('3', UnifiedSocialCreditCode.checkCharacter("00000000000000001"));
    }

    @Test
    void completeAppendsTheCheckCharacter() {
        assertEquals("914403001922038216", UnifiedSocialCreditCode.complete("91440300192203821"));
    }

    @Test
    void everyWrongCheckCharacterIsCaught() {
        String first17 = "91440300192203821";
        for (char c : UnifiedSocialCreditCode.CHARSET.toCharArray()) {
            Reason problem = UnifiedSocialCreditCode.problem(first17 + c);
            if (c == '6') {
                assertNull(problem);
            } else {
                assertNotNull(problem, "check character " + c);
                assertTrue(problem.en().contains("is '" + c + "' but should be '6'"), problem.en());
                assertTrue(problem.zh().contains("第 18 位是“" + c + "”，应为“6”"), problem.zh());
                ReasonAssertions.assertSaysTheSameInChinese(problem);
            }
        }
    }

    @ParameterizedTest
    // Beyond ASCII too: the characters' values are looked up in a table of the first 128.
    @ValueSource(strings = {"I", "O", "S", "V", "Z", "a", "-", " ", "\u007f", "\u0080", "１", "运"})
    void charactersOutsideTheCharsetAreNamed(String bad) {
        String code = "9144030019220382" + bad + "6";
        Reason problem = UnifiedSocialCreditCode.problem(code);
        assertNotNull(problem, code);
        assertTrue(problem.en().contains("'" + bad + "' at position 17"), problem.en());
        assertTrue(problem.zh().contains("第 17 位是“" + bad + "”"), problem.zh());
        ReasonAssertions.assertSaysTheSameInChinese(problem);
    }

    @Test
    void normalizeUpperCasesAsciiLettersOnly() {
        assertEquals("91440300708461136T", UnifiedSocialCreditCode.normalize("91440300708461136t"));
        assertEquals("91140802MA0000313F", UnifiedSocialCreditCode.normalize("91140802ma0000313f"));
        assertEquals("9144030019220382ß6", UnifiedSocialCreditCode.normalize("9144030019220382ß6"));
        assertEquals("９１４４", UnifiedSocialCreditCode.normalize("９１４４"), "full-width digits are not turned into a valid code");
        assertNull(UnifiedSocialCreditCode.problem(UnifiedSocialCreditCode.normalize("91440300708461136t")));
    }

    @Test
    void lengthIsChecked() {
        assertEquals(Reason.of("'' has 0 characters; a unified social credit code has 18",
                "“”有 0 个字符，统一社会信用代码应为 18 位"), UnifiedSocialCreditCode.problem(""));
        assertThrows(IllegalArgumentException.class, () -> UnifiedSocialCreditCode.checkCharacter("9144"));
    }
}
