package org.inventarioti.support;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import org.inventarioti.support.TestUsers.TestUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** JSON API calls as one user (or anonymous), for MockMvc tests. */
public final class Api {

    private final MockMvcTester mvc;
    private final TestUser user;

    public Api(MockMvcTester mvc, TestUser user) {
        this.mvc = mvc;
        this.user = user;
    }

    public static Api anonymous(MockMvcTester mvc) {
        return new Api(mvc, null);
    }

    public MvcTestResult get(String uri) {
        return send(mvc.get().uri(uri));
    }

    public MvcTestResult post(String uri, String json) {
        return send(mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public MvcTestResult put(String uri, String json) {
        return send(mvc.put().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public MvcTestResult put(String uri, String json, String ifMatch) {
        return send(mvc.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .content(json));
    }

    public MvcTestResult patch(String uri, String json) {
        return send(mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public MvcTestResult patch(String uri, String json, String ifMatch) {
        return send(mvc.patch()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .content(json));
    }

    public MvcTestResult delete(String uri) {
        return send(mvc.delete().uri(uri));
    }

    public MvcTestResult send(MockMvcRequestBuilder request) {
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, user.bearer());
        }
        return request.exchange();
    }

    /** A multipart request (an upload) as this user. */
    public MvcTestResult send(
            org.springframework.test.web.servlet.assertj.MockMvcTester.MockMultipartMvcRequestBuilder request) {
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, user.bearer());
        }
        return request.exchange();
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }

    public static long id(MvcTestResult result) {
        return ((Number) read(result, "$.id")).longValue();
    }

    public static int status(MvcTestResult result) {
        return result.getResponse().getStatus();
    }

    /** A string unique to this test run, for names and serial numbers. */
    public static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
