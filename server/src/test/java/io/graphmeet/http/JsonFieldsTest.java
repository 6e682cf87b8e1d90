package io.graphmeet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static ObjectNode json(String text) {
        return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMistypedNestedPropertyIsNamedByItsPathFromTheRoot() {
        JsonFields body = JsonFields.of(json("{\"a\":{\"items\":[{\"flag\":\"yes\"}]}}"));
        JsonFields item = body.object("a").objects("items").get(0);
        assertThatThrownBy(() -> item.bool("flag"))
                .isInstanceOf(RequestRefusedException.class)
                .hasMessage("a.items[0].flag must be true or false.");
    }

    @Test
    void absentAndNullReadAsNullButOnlyNullCountsAsPresent() {
        JsonFields body = JsonFields.of(json("{\"gone\":null}"));
        assertThat(body.string("gone")).isNull();
        assertThat(body.string("never")).isNull();
        assertThat(body.has("gone")).isTrue();
        assertThat(body.isSet("gone")).isFalse();
    }

    @Test
    void quotingNamesLabelsPropertiesAsTheAdminApiDoes() {
        JsonFields body = JsonFields.quotingNames(json("{\"permissions\":[\"ok\",3]}"));
        assertThatThrownBy(() -> body.strings("permissions")).hasMessage("Property 'permissions[1]' must be a string.");
        assertThatThrownBy(() -> body.requiredString("name")).hasMessage("Property 'name' is required.");
    }

    @Test
    void onlyRefusesAPropertyItWasNotTold() {
        JsonFields body = JsonFields.quotingNames(json("{\"displayNme\":\"x\"}"));
        assertThatThrownBy(() -> body.only("displayName", "id"))
                .hasMessage("Unknown property 'displayNme'; expected one of displayName, id.");
    }

    @Test
    void aParserSeesTheLabelOfEachItem() {
        JsonFields body = JsonFields.of(json("{\"roles\":[\"a\",\"b\"]}"));
        assertThat(body.strings("roles", (text, label) -> label + "=" + text))
                .containsExactly("roles[0]=a", "roles[1]=b");
    }

    @Test
    void textThatNoDatabaseKeepsIsRefusedWhereverItIs() {
        assertThatThrownBy(() -> json("{\"a\":{\"b\":[\"x\\u0000\"]}}"))
                .isInstanceOf(RequestRefusedException.class)
                .hasMessage("a.b[0] " + Text.RULE);
    }
}
