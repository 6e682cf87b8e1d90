package io.graphmeet.join;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The pages' Mustache templates, compiled once from {@code io/graphmeet/join/*.mustache}. Every {@code {{value}}}
 * is HTML-escaped by Mustache.java, so text from a meeting (its subject, people's names) can never become markup.
 */
final class Html {

    private final Mustache meeting;
    private final Mustache problem;

    Html() {
        DefaultMustacheFactory templates = new DefaultMustacheFactory("io/graphmeet/join");
        this.meeting = templates.compile("meeting.mustache");
        this.problem = templates.compile("problem.mustache");
    }

    byte[] meeting(MeetingPage page) {
        return render(meeting, page);
    }

    byte[] problem(ProblemPage page) {
        return render(problem, page);
    }

    private static byte[] render(Mustache template, Object scope) {
        StringWriter html = new StringWriter();
        template.execute(html, scope);
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a page for a link that leads to no meeting shows. */
    record ProblemPage(String assets, int status, String heading, String advice) {}
}
