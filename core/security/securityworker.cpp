#include "securityworker.h"

#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/auditkey.h"
#include "security/audittrail.h"
#include "security/auditverifier.h"
#include "security/loginpolicy.h"
#include "security/securitylog.h"
#include "security/useradmin.h"
#include "security/userstore.h"
#include "util/clock.h"

namespace vigil
{

namespace
{

constexpr int kRetryMs = 2000;
constexpr int kMaxHeld = 10000;

LoginResult unavailable(const QString &name, const QString &why)
{
    LoginResult result;
    result.user = name;
    result.message = QStringLiteral("the user database is not available: %1").arg(why);
    return result;
}

} // namespace

SecurityWorker::SecurityWorker(Setup setup)
    : m_setup(std::move(setup))
    , m_retry(this)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &SecurityWorker::appendHeld);
}

SecurityWorker::~SecurityWorker() = default;

bool SecurityWorker::open(QString *error)
{
    const std::optional<QByteArray> key = AuditKey::loadOrCreate(m_setup.keyFile, error);
    if (!key)
        return false;
    m_key = *key;
    m_connection =
        std::make_unique<JournalConnection>(m_setup.url, JournalConnection::Role::Writer);
    if (!m_connection->open(error))
        return false;
    QSqlDatabase db = m_connection->database();
    if (!JournalSchema::readable(db, m_connection->isSqlite(), error))
        return false;
    m_users = std::make_unique<UserStore>(db);
    m_audit = std::make_unique<AuditTrail>(db, m_connection->isSqlite(), m_key, m_setup.headFile,
                                           m_setup.clock);
    m_policy = std::make_unique<LoginPolicy>(m_setup.options, m_setup.clock, m_setup.hasher);
    qCInfo(lcSecurity) << "security service opened" << m_setup.url.display();
    return true;
}

void SecurityWorker::close()
{
    m_retry.stop();
    if (m_audit)
        appendHeld();
    if (!m_held.isEmpty())
        qCWarning(lcSecurity) << m_held.size() << "audit entries could not be stored at stop";
    m_policy.reset();
    m_audit.reset();
    m_users.reset();
    m_connection.reset();
}

LoginDecision SecurityWorker::check(const QString &name, const QString &password)
{
    QString error;
    const std::optional<UserRecord> user =
        m_users ? m_users->find(name, &error) : std::optional<UserRecord>();
    if (!m_users || !error.isEmpty()) {
        LoginDecision d;
        d.result = unavailable(name, m_users ? error : QStringLiteral("not open"));
        d.auditAction = QStringLiteral("login.failed");
        d.auditResult = QStringLiteral("failed");
        d.auditDetail = d.result.message;
        return d;
    }
    LoginDecision d = m_policy->decide(user, name, password);
    store(d, password);
    return d;
}

void SecurityWorker::store(const LoginDecision &d, const QString &password)
{
    QString error;
    if (d.storeLoginState &&
        !m_users->setLoginState(d.result.user, d.failedLogins, d.lockedUntilMs, &error))
        qCWarning(lcSecurity) << "cannot store the login state of" << d.result.user << ":" << error;
    if (!d.rehash)
        return;
    const QString hash = m_policy->hasher().hash(password, &error);
    if (hash.isEmpty() ||
        !m_users->setPassword(d.result.user, hash, m_setup.clock->nowMs(), &error))
        qCWarning(lcSecurity) << "cannot rehash the password of" << d.result.user << ":" << error;
}

LoginResult SecurityWorker::login(const QString &name, const QString &password)
{
    const LoginDecision d = check(name, password);
    qCInfo(lcSecurity) << "login" << name << d.auditAction << d.auditResult;
    audit({0, name, d.auditAction, name, d.auditDetail, d.auditResult});
    return d.result;
}

LoginResult SecurityWorker::confirmIdentity(const QString &name, const QString &password,
                                            const QString &purpose)
{
    const LoginDecision d = check(name, password);
    qCInfo(lcSecurity) << "identity check" << name << "for" << purpose << d.auditResult;
    audit({0, name, QStringLiteral("command.confirm"), purpose,
           QStringLiteral("identity of %1: %2").arg(name, d.auditDetail), d.auditResult});
    return d.result;
}

bool SecurityWorker::hasUsers()
{
    QString error;
    const int count = m_users ? m_users->count(&error) : -1;
    if (count < 0)
        // Unknown is not "none": the first-administrator screen must not open on an error.
        qCWarning(lcSecurity) << "cannot count the users:" << error;
    return count != 0;
}

QString SecurityWorker::createFirstAdministrator(const QString &name, const QString &password)
{
    return administer(
        [&](UserAdmin &admin) { return admin.addFirstAdministrator(name, name, password); });
}

// Runs one UserAdmin call: the same rules and audit rows as `vigil user …`.
template<typename Change>
QString SecurityWorker::administer(Change change)
{
    if (!m_users)
        return QStringLiteral("the user database is not available");
    appendHeld(); // the administration rows follow what was audited before, in order
    UserAdmin admin(*m_users, *m_audit, m_setup.options, m_setup.clock, m_setup.hasher);
    const QString error = change(admin);
    emit appended();
    emit usersChanged();
    return error;
}

std::optional<QList<UserSummary>> SecurityWorker::listUsers(QString *error)
{
    if (!m_users) {
        *error = QStringLiteral("the user database is not available");
        return std::nullopt;
    }
    const std::optional<QList<UserRecord>> users = m_users->list(error);
    if (!users)
        return std::nullopt;
    QList<UserSummary> summaries;
    summaries.reserve(users->size());
    for (const UserRecord &user : *users)
        summaries.append(UserSummary::of(user));
    return summaries;
}

QString SecurityWorker::addUser(const QString &name, Role role, const QString &password,
                                const QString &byUser)
{
    return administer([&](UserAdmin &admin) { return admin.add(byUser, name, role, password); });
}

QString SecurityWorker::setRole(const QString &name, Role role, const QString &byUser)
{
    return administer([&](UserAdmin &admin) { return admin.setRole(byUser, name, role); });
}

QString SecurityWorker::setDisabled(const QString &name, bool disabled, const QString &byUser)
{
    return administer([&](UserAdmin &admin) { return admin.setDisabled(byUser, name, disabled); });
}

QString SecurityWorker::resetPassword(const QString &name, const QString &password,
                                      const QString &byUser)
{
    return administer([&](UserAdmin &admin) { return admin.setPassword(byUser, name, password); });
}

void SecurityWorker::audit(const AuditEntry &entry)
{
    if (m_held.size() >= kMaxHeld) {
        m_held.removeFirst();
        if (++m_dropped == 1 || m_dropped % 1000 == 0)
            qCCritical(lcSecurity) << "audit trail not writable:" << m_dropped << "entries dropped";
    }
    m_held.append(entry);
    if (!m_retry.isActive())
        appendHeld();
}

void SecurityWorker::appendHeld()
{
    if (!m_audit) {
        m_retry.start();
        return;
    }
    bool any = false;
    while (!m_held.isEmpty()) {
        QString error;
        if (!m_audit->append(m_held.first(), &error)) {
            qCWarning(lcSecurity) << "cannot append to the audit trail (retrying):" << error;
            m_retry.start();
            break;
        }
        m_held.removeFirst();
        any = true;
    }
    if (any)
        emit appended();
}

std::optional<QList<AuditRecord>> SecurityWorker::auditPage(const AuditFilter &filter,
                                                            QString *error)
{
    if (!m_audit) {
        *error = QStringLiteral("the audit trail is not available");
        return std::nullopt;
    }
    return m_audit->store().page(filter, error);
}

AuditVerification SecurityWorker::verify(const QString &user)
{
    if (!m_audit)
        return {false, 0, 0, QStringLiteral("the audit trail is not available")};
    appendHeld();
    AuditVerifier verifier(m_connection->database(), m_connection->isSqlite(), m_key,
                           m_audit->head());
    const AuditVerification result = verifier.run();
    audit({0, user, QStringLiteral("audit.verify"), QString(),
           result.ok ? QStringLiteral("%1 rows checked").arg(result.rowsChecked) : result.reason,
           result.ok ? QStringLiteral("ok") : QStringLiteral("failed")});
    return result;
}

} // namespace vigil
