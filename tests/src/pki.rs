//! A throwaway PKI for TLS tests: a CA, a server certificate for
//! `localhost`/`127.0.0.1`, a client certificate from the same CA and one
//! from a CA the server does not trust.

use std::path::{Path, PathBuf};

use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose};

pub struct Pki {
    pub dir: PathBuf,
    pub ca_pem: String,
    ca_cert: rcgen::Certificate,
    ca_key: KeyPair,
}

pub struct Leaf {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub cert_pem: String,
    pub key_pem: String,
}

impl Leaf {
    /// Certificate and key in one PEM, as reqwest's `Identity::from_pem` wants.
    pub fn identity_pem(&self) -> Vec<u8> {
        format!("{}{}", self.cert_pem, self.key_pem).into_bytes()
    }
}

impl Pki {
    /// A new CA whose files live in `dir`, named after `name`.
    pub fn new(dir: &Path, name: &str) -> Pki {
        let ca_key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(DnType::CommonName, format!("{name} test CA"));
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let ca_cert = params.self_signed(&ca_key).expect("CA");
        let ca_pem = ca_cert.pem();
        std::fs::write(dir.join(format!("{name}-ca.pem")), &ca_pem).expect("write CA");
        Pki {
            dir: dir.to_path_buf(),
            ca_pem,
            ca_cert,
            ca_key,
        }
    }

    pub fn ca_path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}-ca.pem"))
    }

    /// A server certificate for localhost and 127.0.0.1, written as `file`.pem/.key.
    pub fn server(&self, file: &str, cn: &str) -> Leaf {
        self.leaf(
            file,
            cn,
            vec!["localhost".into(), "127.0.0.1".into()],
            ExtendedKeyUsagePurpose::ServerAuth,
        )
    }

    /// A client certificate with this common name.
    pub fn client(&self, file: &str, cn: &str) -> Leaf {
        self.leaf(file, cn, Vec::new(), ExtendedKeyUsagePurpose::ClientAuth)
    }

    fn leaf(&self, file: &str, cn: &str, sans: Vec<String>, usage: ExtendedKeyUsagePurpose) -> Leaf {
        let key = KeyPair::generate().expect("key");
        let mut params = CertificateParams::new(sans).expect("params");
        params.distinguished_name.push(DnType::CommonName, cn);
        params.extended_key_usages = vec![usage];
        let cert = params.signed_by(&key, &self.ca_cert, &self.ca_key).expect("sign");
        let cert_pem = cert.pem();
        let key_pem = key.serialize_pem();
        let cert_path = self.dir.join(format!("{file}.pem"));
        let key_path = self.dir.join(format!("{file}.key"));
        std::fs::write(&cert_path, &cert_pem).expect("write cert");
        std::fs::write(&key_path, &key_pem).expect("write key");
        Leaf {
            cert: cert_path,
            key: key_path,
            cert_pem,
            key_pem,
        }
    }
}
