// `vigil user …` and `vigil audit verify` as run from a shell: the built binary in a QProcess
// with passwords on stdin, against a plant whose data_dir is a temporary directory that the
// first command creates. Covers each command, each refusal and its exit code, the audit rows
// they leave (user "cli:<login>"), verification before and after a one-byte edit of journal.db,
// the file modes, and that no password or stored hash ever shows in output or in the journal.

#include "security/passwordhasher.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace vigil;

namespace
{

const QString kAlicePassword = QStringLiteral("Alice-pw-2024!");
const QString kBobPassword = QStringLiteral("Bob-first-pw");
const QString kBobNewPassword = QStringLiteral("Bob-second-pw");
const QString kTtyPassword = QStringLiteral("Tty-secret-pw-1");
const QStringList kPasswords{kAlicePassword,          kBobPassword,
                             kBobNewPassword,         kTtyPassword,
                             QStringLiteral("carol"), QStringLiteral("short")};

int mode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TstUserCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addsTheFirstUsersAndCreatesPrivateFiles();
    void listsUsers();
    void refusesWithExitCodes();
    void changesPasswordRoleAndState();
    void auditsEveryAdministration();
    void verifiesThenDetectsAOneByteEdit();
    void asksTwiceWithoutEchoOnATerminal();
    void cleanupTestCase();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
    };
    Run vigil(const QStringList &args, const QByteArray &input = QByteArray());
    QString data(const QString &name) const
    {
        return m_dir.filePath(QStringLiteral("data/") + name);
    }
    QStringList rows(const QString &sql);

    QTemporaryDir m_dir;
    QString m_plant;
    QString m_everything; // every line printed by every run
};

void TstUserCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(VIGIL_BINARY)), "the vigil binary is not built");
    m_plant = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile plant(m_plant);
    QVERIFY(plant.open(QIODevice::WriteOnly));
    plant.write(R"([plant]
name = "User CLI test"
[settings]
data_dir = "data"
[security]
min_password_length = 10
[[devices]]
id = "d"
driver = "sim"
[[tags]]
id = "TT101"
device = "d"
address = "sine:period=1m,lo=0,hi=10"
type = "float64"
unit = "degC"
range = [0, 10]
)");
}

TstUserCli::Run TstUserCli::vigil(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(u"VIGIL_"))
            env.remove(name);
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VIGIL_BINARY), args + QStringList{"--config", m_plant});
    Run run;
    if (!process.waitForStarted(10'000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    m_everything += run.out + run.err;
    return run;
}

QStringList TstUserCli::rows(const QString &sql)
{
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "check");
        db.setDatabaseName(data(QStringLiteral("journal.db")));
        QSqlQuery q(db);
        if (!db.open())
            values.append(db.lastError().text());
        else if (!q.exec(sql))
            values.append(q.lastError().text());
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < q.record().count(); ++i)
                fields.append(q.value(i).toString());
            values.append(fields.join(u'|'));
        }
    }
    QSqlDatabase::removeDatabase("check");
    return values;
}

void TstUserCli::addsTheFirstUsersAndCreatesPrivateFiles()
{
    QVERIFY(!QFile::exists(data(QStringLiteral("journal.db"))));
    const Run alice =
        vigil({"user", "add", "alice", "--role", "admin"}, kAlicePassword.toUtf8() + "\n");
    QVERIFY2(alice.code == 0, qPrintable(alice.err));
    QCOMPARE(alice.out, QStringLiteral("user 'alice' added as admin\n"));
    const Run bob = vigil({"user", "add", "bob", "--role", "Operator"}, kBobPassword.toUtf8());
    QVERIFY2(bob.code == 0, qPrintable(bob.err));
    QCOMPARE(bob.out, QStringLiteral("user 'bob' added as operator\n"));

    QCOMPARE(mode(m_dir.filePath(QStringLiteral("data"))), 0700);
    QCOMPARE(mode(data(QStringLiteral("journal.db"))), 0600);
    QCOMPARE(mode(data(QStringLiteral("audit.key"))), 0600);
    QCOMPARE(mode(data(QStringLiteral("audit.head"))), 0600);
    QCOMPARE(QFile(data(QStringLiteral("audit.key"))).size(), 32);
}

void TstUserCli::listsUsers()
{
    const Run list = vigil({"user", "list"});
    QCOMPARE(list.code, 0);
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].simplified(), QStringLiteral("NAME ROLE DISABLED LOCKED"));
    QCOMPARE(lines[1].simplified(), QStringLiteral("alice admin no no"));
    QCOMPARE(lines[2].simplified(), QStringLiteral("bob operator no no"));
}

void TstUserCli::refusesWithExitCodes()
{
    struct Case {
        QStringList args;
        QByteArray input;
        int code;
        QString message;
    };
    const QList<Case> cases{
        {{"user", "add", "alice", "--role", "viewer"},
         "Another-pw-1\n",
         1,
         "vigil: user 'alice' exists already\n"},
        {{"user", "add", "dave", "--role", "boss"},
         "Another-pw-1\n",
         1,
         "vigil: unknown role (roles: viewer, operator, engineer, admin)\n"},
        {{"user", "add", "carol", "--role", "viewer"},
         "short\n",
         1,
         "vigil: the password must have at least 10 characters\n"},
        {{"user", "add", "carolcarol", "--role", "viewer"},
         "CarolCarol\n",
         1,
         "vigil: the password must not be the user name\n"},
        {{"user", "add", "carol", "--role", "viewer"},
         "",
         1,
         "vigil: no password on stdin (give it as one line)\n"},
        {{"user", "add", "bad name", "--role", "viewer"},
         "Another-pw-1\n",
         1,
         "vigil: a user name has only letters, digits, '.', '_', '-' and '@' (not ' ')\n"},
        {{"user", "passwd", "nobody"}, "Another-pw-1\n", 1, "vigil: no user 'nobody'\n"},
        {{"user", "disable", "nobody"}, "", 1, "vigil: no user 'nobody'\n"},
        {{"user", "role", "nobody", "viewer"}, "", 1, "vigil: no user 'nobody'\n"},
        {{"user", "disable", "alice"},
         "",
         1,
         "vigil: 'alice' is the last enabled admin: add or enable another admin first\n"},
        {{"user", "role", "alice", "engineer"},
         "",
         1,
         "vigil: 'alice' is the last enabled admin: add or enable another admin first\n"},
        {{"user", "add", "carol"}, "", 2, "user add needs --role ROLE"},
        {{"user", "passwd", "bob", kBobNewPassword},
         "",
         2,
         "too many arguments (usage: vigil user passwd NAME)"},
    };
    for (const Case &c : cases) {
        const Run run = vigil(c.args, c.input);
        const QString what = c.args.join(u' ');
        QVERIFY2(run.code == c.code,
                 qPrintable(what + QStringLiteral(": exit %1, %2").arg(run.code).arg(run.err)));
        QVERIFY2(run.err.contains(c.message), qPrintable(what + QStringLiteral(": ") + run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(what + QStringLiteral(": ") + run.out));
    }
    QCOMPARE(rows(QStringLiteral("SELECT name FROM app_user ORDER BY name")),
             QStringList({"alice", "bob"}));
}

void TstUserCli::changesPasswordRoleAndState()
{
    // A locked-out user shows as such, and a new password lifts the lockout.
    rows(QStringLiteral("UPDATE app_user SET locked_until_ms = %1, failed_logins = 0 WHERE "
                        "name = 'bob'")
             .arg(QDateTime::currentMSecsSinceEpoch() + 3'600'000));
    QVERIFY2(vigil({"user", "list"}).out.simplified().contains(u"bob operator no until 20"),
             qPrintable(m_everything));
    const QString before =
        rows(QStringLiteral("SELECT password FROM app_user WHERE name = 'bob'")).value(0);
    QVERIFY(PasswordHasher::verify(kBobPassword, before).matches());
    Run run = vigil({"user", "passwd", "bob"}, kBobNewPassword.toUtf8() + "\n");
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("password of 'bob' changed\n"));
    const QString after =
        rows(QStringLiteral("SELECT password FROM app_user WHERE name = 'bob'")).value(0);
    QVERIFY(PasswordHasher::verify(kBobNewPassword, after).matches());
    QVERIFY(!PasswordHasher::verify(kBobPassword, after).matches());
    QCOMPARE(rows(QStringLiteral("SELECT locked_until_ms FROM app_user WHERE name = 'bob'")),
             QStringList({"0"}));

    run = vigil({"user", "disable", "bob"});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QStringLiteral("user 'bob' disabled\n"));
    QVERIFY(vigil({"user", "list"}).out.simplified().contains(u"bob operator yes no"));
    run = vigil({"user", "enable", "bob"});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QStringLiteral("user 'bob' enabled\n"));

    run = vigil({"user", "role", "bob", "admin"});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.out, QStringLiteral("user 'bob' is now admin\n"));
    // Now alice is no longer the last admin.
    QCOMPARE(vigil({"user", "role", "alice", "engineer"}).code, 0);
    QCOMPARE(vigil({"user", "list"}).out.simplified(),
             QStringLiteral("NAME ROLE DISABLED LOCKED alice engineer no no bob admin no no"));
}

void TstUserCli::auditsEveryAdministration()
{
    const QStringList users = rows(QStringLiteral("SELECT DISTINCT user_name FROM audit"));
    QCOMPARE(users.size(), 1);
    QVERIFY2(users[0].startsWith(u"cli:") && users[0].size() > 4, qPrintable(users[0]));
    const QStringList audit =
        rows(QStringLiteral("SELECT action, target, result FROM audit ORDER BY seq"));
    QCOMPARE(audit,
             QStringList({"user.add|alice|ok", "user.add|bob|ok", "user.add|alice|refused",
                          "user.add|dave|refused", "user.add|carol|refused",
                          "user.add|carolcarol|refused", "user.add|bad name|refused",
                          "user.passwd|nobody|refused", "user.disable|nobody|refused",
                          "user.role|nobody|refused", "user.disable|alice|refused",
                          "user.role|alice|refused", "user.passwd|bob|ok", "user.disable|bob|ok",
                          "user.enable|bob|ok", "user.role|bob|ok", "user.role|alice|ok"}));
}

void TstUserCli::verifiesThenDetectsAOneByteEdit()
{
    Run run = vigil({"audit", "verify"});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("audit trail OK: 17 rows checked\n"));

    // Every process closed journal.db, so its rows are in the file itself (no -wal left).
    QVERIFY(!QFile::exists(data(QStringLiteral("journal.db-wal"))) ||
            QFile(data(QStringLiteral("journal.db-wal"))).size() == 0);
    const QString seq = rows(QStringLiteral("SELECT seq FROM audit WHERE detail LIKE "
                                            "'%must not be the user name%'"))
                            .value(0);
    QCOMPARE(seq, QStringLiteral("6"));
    QFile file(data(QStringLiteral("journal.db")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const QByteArray target("must not be the user name");
    const qsizetype at = bytes.indexOf(target);
    QVERIFY(at >= 0);
    QCOMPARE(bytes.indexOf(target, at + 1), -1);
    bytes[at + 3] = 'e'; // "muse not be…"
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    run = vigil({"audit", "verify"});
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("first bad row: seq 6")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("seq 6: hash mismatch (the row was changed)")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("after 5 good rows")), qPrintable(run.err));
}

// The terminal case, on a pseudo-terminal made by Python's pty module: vigil prompts on it, the
// typed lines do not come back (no echo), and two different entries are refused.
void TstUserCli::asksTwiceWithoutEchoOnATerminal()
{
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/python3")), "/usr/bin/python3 is needed");
    const QString script = QStringLiteral(R"(
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:6] + ['--config', sys.argv[6]])
out = b''
def read(until):
    global out
    end = time.time() + 20
    while until not in out and time.time() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                data = os.read(fd, 1024)
            except OSError:
                return
            if not data:
                return
            out += data
read(b'password for')
os.write(fd, sys.argv[7].encode() + b'\n')
read(b'Repeat')
os.write(fd, sys.argv[8].encode() + b'\n')
read(b'\x00')
status = os.waitpid(pid, 0)[1]
sys.stdout.write(out.decode() + '\nexit %d\n' % os.WEXITSTATUS(status))
)");
    const auto run = [&](const QString &name, const QString &first, const QString &second) {
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {"-c", script, QStringLiteral(VIGIL_BINARY), "user", "add", name,
                      "--role=viewer", m_plant, first, second});
        python.waitForFinished(60'000);
        const QString out = QString::fromUtf8(python.readAllStandardOutput()) +
                            QString::fromUtf8(python.readAllStandardError());
        m_everything += out;
        return out;
    };
    const QString ok = run(QStringLiteral("tty"), kTtyPassword, kTtyPassword);
    QVERIFY2(ok.contains(u"New password for tty: ") && ok.contains(u"Repeat the password: ") &&
                 ok.contains(u"user 'tty' added as viewer") && ok.endsWith(u"exit 0\n"),
             qPrintable(ok));
    QVERIFY2(!ok.contains(kTtyPassword), qPrintable(ok));
    const QString differ = run(QStringLiteral("tty2"), kTtyPassword, kTtyPassword + u'x');
    QVERIFY2(differ.contains(u"vigil: the two passwords differ") && differ.endsWith(u"exit 1\n"),
             qPrintable(differ));
    QCOMPARE(rows(QStringLiteral("SELECT name FROM app_user WHERE name LIKE 'tty%'")),
             QStringList({"tty"}));
}

void TstUserCli::cleanupTestCase()
{
    // Nothing printed and nothing stored in the journal's texts holds a password or a hash.
    QStringList texts{m_everything};
    texts += rows(QStringLiteral("SELECT user_name, action, target, detail, result FROM audit"));
    texts += rows(QStringLiteral("SELECT source, kind, message FROM event"));
    QVERIFY(texts.size() > 10);
    for (const QString &text : std::as_const(texts)) {
        QVERIFY2(!text.contains(QStringLiteral("scrypt$")), qPrintable(text));
        for (const QString &password : kPasswords) {
            // "carol" and "short" are also names and messages; only the real ones must not show.
            if (password.size() >= 10)
                QVERIFY2(!text.contains(password), qPrintable(text));
        }
    }
}

QTEST_GUILESS_MAIN(TstUserCli)
#include "tst_usercli.moc"
