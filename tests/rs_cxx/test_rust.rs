// test_rust.rs - the generated HTTP module's API, under rustc --test
// (edition 2021, -D warnings): what the agreement test does not see,
// the types and traits a Rust user writes against.  rust_test.sh builds
// it with SG_HTTP_RS naming the generated http_status.rs and SG_C_SPEC_ID
// the C header's HTTP_STATUS_SPEC_ID.
#![forbid(unsafe_code)]
#![deny(warnings)]

#[allow(dead_code)]
mod http_status {
    include!(env!("SG_HTTP_RS"));
}

#[cfg(test)]
mod tests {
    use super::http_status::{self as hs, HttpStatus};
    use super::http_status::{HttpStatusClass, HttpStatusLifecycle};
    use super::http_status::{HttpStatusTraits, UnknownHttpStatus};

    // The lookups are const fns: usable where a constant is needed.
    const NOT_FOUND: &str = HttpStatus::NotFound.phrase();
    const CODE: Option<HttpStatus> = HttpStatus::from_code(404);
    const CLASS: HttpStatusClass = hs::class_of(404);
    const ERROR: bool = hs::is_error(503);

    #[test]
    fn const_lookups() {
        assert_eq!(NOT_FOUND, "Not Found");
        assert_eq!(CODE, Some(HttpStatus::NotFound));
        assert_eq!(CLASS, HttpStatusClass::ClientError);
        assert!(ERROR);
    }

    #[test]
    fn variants_are_the_codes() {
        assert_eq!(HttpStatus::NotFound as u16, 404);
        assert_eq!(HttpStatus::Continue.code(), 100);
        assert_eq!(HttpStatus::ImATeapot.code(), 418);
        assert_eq!(u16::from(HttpStatus::Ok), 200);
        assert_eq!(HttpStatus::NotFound.name(), "NOT_FOUND");
    }

    #[test]
    fn display_is_code_and_phrase() {
        assert_eq!(HttpStatus::NotFound.to_string(), "404 Not Found");
        assert_eq!(format!("{}", HttpStatus::ImATeapot), "418 I'm a teapot");
    }

    #[test]
    fn reason_answers_for_any_code() {
        assert_eq!(hs::reason(404), Some("Not Found"));
        assert_eq!(hs::reason(299), None);
        assert_eq!(hs::reason(0), None);
        assert_eq!(hs::reason(u16::MAX), None);
        assert_eq!(hs::name(413), Some("CONTENT_TOO_LARGE"));
        assert!(hs::is_known(449));
        assert!(!hs::is_known(299));
    }

    #[test]
    fn try_from_codes() {
        assert_eq!(HttpStatus::try_from(404u16), Ok(HttpStatus::NotFound));
        assert_eq!(HttpStatus::try_from(299u16), Err(UnknownHttpStatus));
        let code: Result<HttpStatus, _> = 503u16.try_into();
        assert_eq!(code, Ok(HttpStatus::ServiceUnavailable));
    }

    #[test]
    fn from_str_takes_names_and_former_names() {
        assert_eq!("NOT_FOUND".parse::<HttpStatus>(), Ok(HttpStatus::NotFound));
        assert_eq!(
            "PAYLOAD_TOO_LARGE".parse::<HttpStatus>(),
            Ok(HttpStatus::ContentTooLarge)
        );
        assert_eq!("not_found".parse::<HttpStatus>(), Err(UnknownHttpStatus));
        assert_eq!("".parse::<HttpStatus>(), Err(UnknownHttpStatus));
        assert_eq!(hs::from_name("MOVED_TEMPORARILY"), Some(HttpStatus::Found));
        let e: Box<dyn std::error::Error> = Box::new(UnknownHttpStatus);
        assert_eq!(e.to_string(), "not a known http_status code or name");
    }

    #[test]
    #[allow(deprecated)]
    fn former_names_are_constants() {
        assert_eq!(HttpStatus::PayloadTooLarge, HttpStatus::ContentTooLarge);
        assert_eq!(HttpStatus::MovedTemporarily.code(), 302);
        match HttpStatus::from_code(413) {
            Some(HttpStatus::PayloadTooLarge) => {}
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn from_reason_ignores_case_and_knows_former_phrases() {
        assert_eq!(HttpStatus::from_reason("not found"), Some(HttpStatus::NotFound));
        assert_eq!(HttpStatus::from_reason("NOT FOUND"), Some(HttpStatus::NotFound));
        assert_eq!(
            HttpStatus::from_reason("Payload Too Large"),
            Some(HttpStatus::ContentTooLarge)
        );
        assert_eq!(HttpStatus::from_reason("Not Found "), None);
        assert_eq!(HttpStatus::from_reason("Not Fo\u{fc}nd"), None);
        assert_eq!(hs::from_reason("i'm A TEAPOT"), Some(HttpStatus::ImATeapot));
    }

    #[test]
    fn descriptions_match_languages_as_the_c_does() {
        let en = hs::description(404, None).unwrap();
        let zh = hs::description(404, Some("zh")).unwrap();
        let ru = HttpStatus::NotFound.description(Some("ru")).unwrap();
        assert!(en.starts_with("The origin server did not find"), "{}", en);
        assert_ne!(en, zh);
        assert_ne!(zh, ru);
        // A NUL ends the tag, as it ends the C string.
        for lang in ["zh-CN", "zh_CN.UTF-8", "ZH", "zh@cjk", "zh.GB18030", "Zh_TW", "zh_", "zh\u{0}x"] {
            assert_eq!(hs::description(404, Some(lang)), Some(zh), "{}", lang);
        }
        for lang in ["", "xx", "z", "zhx", "-zh", " zh", "zh ", "en"] {
            assert_eq!(hs::description(404, Some(lang)), Some(en), "{:?}", lang);
        }
        assert_eq!(hs::description(299, Some("zh")), None);
    }

    #[test]
    fn classes_answer_by_range() {
        assert_eq!(hs::class_of(299), HttpStatusClass::Successful);
        assert_eq!(hs::class_of(99), HttpStatusClass::None);
        assert_eq!(hs::class_of(600), HttpStatusClass::None);
        assert_eq!(HttpStatus::NotFound.class(), HttpStatusClass::ClientError);
        assert_eq!(HttpStatusClass::ClientError as i32, 4);
        assert!(hs::is_client_error(499));
        assert!(HttpStatus::BadGateway.is_server_error());
        assert!(HttpStatus::NotFound.is_error());
        assert!(!hs::is_error(302));
        assert!(hs::is_redirection(302) && !hs::is_informational(302));
    }

    #[test]
    fn traits_are_a_bit_set() {
        let t = hs::traits(204);
        assert!(t.contains(HttpStatusTraits::NO_BODY));
        assert!(t.contains(HttpStatusTraits::NO_BODY | HttpStatusTraits::CACHEABLE));
        assert!(!t.contains(HttpStatusTraits::REDIRECT));
        assert_eq!((t & HttpStatusTraits::REDIRECT).bits(), 0);
        assert!(hs::traits(299).is_empty());
        assert_eq!(HttpStatus::NoContent.traits(), t);
    }

    #[test]
    fn lifecycle_and_reference() {
        assert_eq!(hs::status_of(305), Some(HttpStatusLifecycle::Deprecated));
        assert_eq!(hs::status_of(449), Some(HttpStatusLifecycle::Unofficial));
        assert_eq!(hs::status_of(404), Some(HttpStatusLifecycle::Standard));
        assert_eq!(hs::status_of(299), None);
        assert_eq!(HttpStatusLifecycle::Unofficial as i32, 6);
        assert_eq!(hs::reference(404), Some("RFC 9110, Section 15.5.5"));
        assert_eq!(hs::reference(299), None);
    }

    #[test]
    fn every_code_round_trips() {
        let all = HttpStatus::all();
        assert_eq!(all.len(), 66);
        assert!(all.windows(2).all(|w| w[0] < w[1] && w[0].code() < w[1].code()));
        for &c in all {
            assert_eq!(HttpStatus::from_code(c.code()), Some(c));
            assert_eq!(c.name().parse::<HttpStatus>(), Ok(c));
            assert_eq!(HttpStatus::from_reason(c.phrase()), Some(c));
            assert_eq!(hs::reason(c.code()), Some(c.phrase()));
        }
    }

    #[test]
    fn grpc_field_answers_any_code() {
        // gRPC's HTTP to gRPC Status Code Mapping; any other code is
        // UNKNOWN (2), known or not
        assert_eq!(hs::grpc(404), 12);
        assert_eq!(hs::grpc(503), 14);
        assert_eq!(hs::grpc(418), 2);
        assert_eq!(hs::grpc(299), 2);
        assert_eq!(HttpStatus::Unauthorized.grpc(), 16);
    }

    #[test]
    fn spec_id_is_the_c_headers() {
        assert_eq!(hs::SPEC_ID, env!("SG_C_SPEC_ID"));
    }
}
