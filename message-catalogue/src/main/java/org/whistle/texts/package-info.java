/**
 * The one message catalogue: every text a person reads is a key here, zh-CN by default and English on request, with
 * names (never codes) as parameters and times in Asia/Shanghai; {@link org.whistle.texts.PlainText} is the rule a
 * rendered text is checked against. Plain Java, so domain code may render texts without Spring.
 */
@NullMarked
package org.whistle.texts;

import org.jspecify.annotations.NullMarked;
