/**
 * The multi-interface resolver. {@link org.socketintents.resolver.internal.ParallelResolver} plans which interfaces
 * to ask through which servers ({@link org.socketintents.resolver.internal.ServerSelection}), runs one
 * {@link org.socketintents.resolver.internal.InterfaceLookup} per interface at once and gathers their answers in a
 * {@link org.socketintents.resolver.internal.ResolutionCollector}. Queries go out through dnsjava from each
 * interface's source address ({@link org.socketintents.resolver.internal.Exchange}); replies are checked and read
 * by {@link org.socketintents.resolver.internal.ResponseReader} before anything reaches the
 * {@link org.socketintents.resolver.internal.AnswerCache}.
 */
package org.socketintents.resolver.internal;
