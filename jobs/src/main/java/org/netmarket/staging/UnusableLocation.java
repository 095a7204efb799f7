package org.netmarket.staging;

import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.netmarket.config.EnvironmentException;
import org.netmarket.config.UsageException;
import org.netmarket.rules.Reason;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/**
 * What to say when Hadoop cannot use a location the job was given ({@code --data},
 * {@code --staging}): a location that is no path or URI, or names a file system no one has heard
 * of, is the command's to correct (bad usage, exit 2); an unknown host, a refused connection, a
 * file system whose classes the job lacks, a file where a folder should be or a permission are
 * the machine's state (one line, exit 1). Either way one line naming the option and the location,
 * never a stack trace as if the job were at fault.
 */
public final class UnusableLocation {
    private UnusableLocation() {
    }

    /**
     * The failure said as what it is, for {@code what} ("the data directory (--data)") at
     * {@code location}; empty when it is none of the failures this class knows, to be left as it is.
     */
    public static Optional<RuntimeException> explain(Reason what, String location, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EnvironmentException || t instanceof UsageException) {
                return Optional.empty(); // said already
            }
            Optional<RuntimeException> said = said(what, location, t, failure);
            if (said.isPresent()) {
                return said;
            }
        }
        return Optional.empty();
    }

    private static Optional<RuntimeException> said(Reason what, String location, Throwable t, Throwable failure) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("").strip();
        if (t instanceof URISyntaxException) {
            return Optional.of(usage(what, location, Reason.of("is no path or URI the job can read (" + message + ")",
                    "不是作业能读取的路径或 URI（" + message + "）")));
        }
        if (t instanceof UnsupportedFileSystemException) {
            String scheme = scheme(location);
            return Optional.of(usage(what, location, Reason.of("names a file system no one knows (" + message
                            + "): a local path, file:/, hdfs:// or s3a:// is expected — is \"" + scheme + "\" misspelt?",
                    "所用的文件系统无人知晓（" + message + "）：应为本地路径、file:/、hdfs:// 或 s3a://，\"" + scheme + "\" 是否拼错？")));
        }
        if (t instanceof ClassNotFoundException && message.contains("FileSystem")) {
            String scheme = scheme(location);
            String needs = "s3a".equals(scheme) ? "hadoop-aws and the AWS SDK of the cluster's Hadoop version"
                    + " (spark-submit --packages org.apache.hadoop:hadoop-aws:VERSION)" : "the jar of the " + scheme + " file system";
            String needsZh = "s3a".equals(scheme) ? "hadoop-aws 及与集群 Hadoop 版本一致的 AWS SDK"
                    + "（spark-submit --packages org.apache.hadoop:hadoop-aws:版本）" : scheme + " 文件系统的 jar";
            return Optional.of(environment(what, location, Reason.of("cannot be read: the job's classpath has no "
                    + scheme + ":// file system (" + message + "); add " + needs,
                    "无法读取：作业的类路径中没有 " + scheme + ":// 文件系统（" + message + "）；请加入 " + needsZh), failure));
        }
        if (t instanceof UnknownHostException) {
            return Optional.of(environment(what, location, Reason.of("cannot be reached: unknown host " + message,
                    "无法访问：未知主机 " + message), failure));
        }
        if (t instanceof ConnectException) {
            return Optional.of(environment(what, location, Reason.of("cannot be reached: " + message, "无法访问：" + message), failure));
        }
        // Hadoop's FileAlreadyExistsException ("Destination exists and is not a directory") or Java's.
        if (t instanceof ParentNotDirectoryException || t.getClass().getSimpleName().equals("FileAlreadyExistsException")) {
            return Optional.of(environment(what, location, Reason.of("cannot be used: a file is in the way of a folder ("
                    + message + ")", "无法使用：应为文件夹的位置上有一个文件（" + message + "）"), failure));
        }
        if (t instanceof AccessDeniedException || t instanceof IOException && message.toLowerCase(Locale.ROOT).contains("permission denied")) {
            return Optional.of(environment(what, location, Reason.of("cannot be used: permission denied (" + message + ")",
                    "无法使用：权限不足（" + message + "）"), failure));
        }
        if (t instanceof FileSystemException) {
            // Java's own file-system failures (a folder that could not be created, a loop of links).
            return Optional.of(environment(what, location, Reason.of("cannot be used (" + message + ")",
                    "无法使用（" + message + "）"), failure));
        }
        return Optional.empty();
    }

    private static String scheme(String location) {
        int colon = location.indexOf(':');
        return colon > 0 ? location.substring(0, colon) : "file";
    }

    private static UsageException usage(Reason what, String location, Reason why) {
        return new UsageException(Reason.of(what.en() + " " + location + " " + why.en(),
                what.zh() + " " + location + " " + why.zh() + "；" + UsageException.NOTHING_PUBLISHED_ZH));
    }

    private static EnvironmentException environment(Reason what, String location, Reason why, Throwable failure) {
        return new EnvironmentException(Reason.of(what.en() + " " + location + " " + why.en(), what.zh() + " " + location + " " + why.zh()),
                failure);
    }
}
