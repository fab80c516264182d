#include "passwordprompt.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace vigil
{

std::optional<QString> PasswordPrompt::readNew(const QString &user, QTextStream &err,
                                               QString *error)
{
    if (!::isatty(STDIN_FILENO)) {
        std::optional<QString> line = readLine();
        if (!line)
            *error = QStringLiteral("no password on stdin (give it as one line)");
        return line;
    }
    const std::optional<QString> first =
        readHidden(QStringLiteral("New password for %1: ").arg(user), err);
    const std::optional<QString> second =
        first ? readHidden(QStringLiteral("Repeat the password: "), err) : std::nullopt;
    if (!first || !second) {
        *error = QStringLiteral("no password entered");
        return std::nullopt;
    }
    if (*first != *second) {
        *error = QStringLiteral("the two passwords differ");
        return std::nullopt;
    }
    return first;
}

std::optional<QString> PasswordPrompt::readHidden(const QString &prompt, QTextStream &err)
{
    // Echo goes off before the prompt appears, so that nothing typed (or pasted) as soon as it
    // shows is echoed; TCSANOW keeps what was typed ahead instead of flushing it.
    termios saved = {};
    const bool terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    err << prompt << Qt::flush;
    std::optional<QString> line = readLine();
    if (terminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    return line;
}

// One line of stdin without its line end; nullopt at the end of input.
std::optional<QString> PasswordPrompt::readLine()
{
    QByteArray bytes;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
        if (c == '\n')
            break;
        bytes.append(char(c));
    }
    if (bytes.isEmpty() && std::feof(stdin))
        return std::nullopt;
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    const QString line = QString::fromUtf8(bytes);
    bytes.fill('\0');
    return line;
}

} // namespace vigil
