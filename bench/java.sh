# Sourced by the benchmarks that serve HTTP: the JDK they run the platform on, as the README's start does. BENCH_JAVA
# (a java executable) if set; else a Java 25 JDK (JAVA25_HOME, else Temurin's under /usr/lib/jvm), as the README's fast
# start runs on; else the java on the PATH.
bench_java="${BENCH_JAVA:-}"
if [ -z "$bench_java" ]; then
  java25="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2> /dev/null | head -1)}"
  if [ -n "$java25" ] && [ -x "$java25/bin/java" ]; then
    bench_java="$java25/bin/java"
  else
    bench_java=java
  fi
fi
# The collector's setting the README's start runs the platform with (README, "Running it"); BENCH_GC replaces it
# (for example -XX:+UseShenandoahGC, to compare). BENCH_JAVA_OPTS adds options (-Xlog:gc:file=gc.log, for example).
bench_gc="${BENCH_GC:--XX:-ClassUnloadingWithConcurrentMark}"
echo "platform JVM: $("$bench_java" -version 2>&1 | head -1) ($bench_java), $bench_gc"
