package com.dealradar.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The examples of RFC 7396, section 3. */
class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void rfc7396Examples() throws Exception {
        assertThat(MergePatch.merge(json("{'a':'b'}"), json("{'a':'c'}"))).isEqualTo(json("{'a':'c'}"));
        assertThat(MergePatch.merge(json("{'a':'b'}"), json("{'b':'c'}"))).isEqualTo(json("{'a':'b','b':'c'}"));
        assertThat(MergePatch.merge(json("{'a':'b'}"), json("{'a':null}"))).isEqualTo(json("{}"));
        assertThat(MergePatch.merge(json("{'a':['b']}"), json("{'a':'c'}"))).isEqualTo(json("{'a':'c'}"));
        assertThat(MergePatch.merge(json("{'a':{'b':'c'}}"), json("{'a':{'b':'d','c':null}}")))
                .isEqualTo(json("{'a':{'b':'d'}}"));
        assertThat(MergePatch.merge(json("{'e':null}"), json("{'a':1}"))).isEqualTo(json("{'e':null,'a':1}"));
        assertThat(MergePatch.merge(json("['a','b']"), json("{'a':'b','c':null}")))
                .isEqualTo(json("{'a':'b'}"));
    }
}
