package org.whistle.notification.textmessages.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** Each SMS provider's request signing against the worked example the provider documents. */
class SmsSignaturesTest {

    /**
     * Alibaba Cloud SMS, "HTTP协议及签名" (help.aliyun.com/document_detail/56189): AccessKeyId {@code testId},
     * AccessKeySecret {@code testSecret}, a SendSms GET whose string to sign and signature the page prints.
     */
    @Test
    void signsAlibabaCloudsDocumentedSendSmsExample() {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("AccessKeyId", "testId");
        parameters.put("Timestamp", "2017-07-12T02:42:19Z");
        parameters.put("Format", "XML");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        parameters.put("Action", "SendSms");
        parameters.put("Version", "2017-05-25");
        parameters.put("RegionId", "cn-hangzhou");
        parameters.put("PhoneNumbers", "15300000001");
        parameters.put("SignName", "阿里云短信测试专用");
        parameters.put("TemplateParam", "{\"customer\":\"test\"}");
        parameters.put("TemplateCode", "SMS_71390007");
        parameters.put("OutId", "123");

        assertThat(AliyunRpcSignature.stringToSign("GET", parameters))
                .isEqualTo("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123"
                        + "%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF"
                        + "%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF"
                        + "%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce"
                        + "%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode"
                        + "%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D"
                        + "%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25");
        assertThat(AliyunRpcSignature.signature("testSecret", "GET", parameters))
                .isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        parameters.put("Signature", "ignored: never part of what is signed");
        assertThat(AliyunRpcSignature.signature("testSecret", "GET", parameters))
                .isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void encodesLikeAlibabaCloudsRulesSay() {
        assertThat(AliyunRpcSignature.percentEncode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
    }

    /**
     * Tencent Cloud API 3.0 "Signature v3": SecretKey {@code Gu5t9xGARNpq86cd98joQYCN3EXAMPLE}, a CVM
     * DescribeInstances POST at 1551113065 (2019-02-25 in UTC, 2019-02-26 in Beijing), each intermediate as printed.
     */
    @Test
    void signsTencentCloudsDocumentedExample() {
        var payload =
                "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
        var signed = TencentTc3Signature.sign(
                "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm",
                "cvm.tencentcloudapi.com",
                "application/json; charset=utf-8",
                payload,
                1551113065L);

        assertThat(TencentTc3Signature.sha256Hex(payload))
                .isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(signed.canonicalRequest())
                .isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        assertThat(signed.stringToSign())
                .isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                        + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
        assertThat(signed.signature()).isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        assertThat(signed.authorization())
                .isEqualTo(
                        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                                + "SignedHeaders=content-type;host, "
                                + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void fillsARegisteredTemplatesVariablesInItsOrder() {
        var variables = new LinkedHashMap<String, String>();
        variables.put("2", "text");
        variables.put("1", "title");
        var template = new SmsTemplate("1234567", variables);

        assertThat(template.fill("哨情已受理", "您反映的问题已受理。"))
                .containsExactly(java.util.Map.entry("2", "您反映的问题已受理。"), java.util.Map.entry("1", "哨情已受理"));
    }
}
