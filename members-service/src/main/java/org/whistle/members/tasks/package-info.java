/** 认领网格任务: tasks and micro-wishes, claims, check-in on site, completion with evidence, approval. */
@NullMarked
package org.whistle.members.tasks;

import org.jspecify.annotations.NullMarked;
